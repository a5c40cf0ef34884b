import { expect, saveScreenshot, test } from './fixtures';

const admin = { name: 'سعاد الإدريسي', username: 'souad.idrissi', password: 'Ksar-ElKebir-2026' };

test('a new user creates the administrator, signs in, switches language, visits every section, signs out', async ({
  page,
  harness,
}) => {
  await page.goto(harness.url);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { name: 'مرحبا بكم في مكتب' })).toBeVisible();
  await saveScreenshot(page, 'first-run-ar');

  // A bad password is refused with a translated message and nothing is lost from the form.
  await page.getByLabel('الاسم الكامل').fill(admin.name);
  await page.getByLabel('اسم المستخدم').fill(admin.username);
  await page.locator('input[name=password]').fill('123');
  await page.locator('input[name=confirm]').fill('123');
  await page.getByRole('button', { name: 'إنشاء حساب المدير والدخول' }).click();
  await expect(page.getByRole('alert')).toContainText('بعض الحقول غير صحيحة');
  await expect(page.getByLabel('الاسم الكامل')).toHaveValue(admin.name);

  await page.locator('input[name=password]').fill(admin.password);
  await page.locator('input[name=confirm]').fill(admin.password);
  await page.getByRole('button', { name: 'إنشاء حساب المدير والدخول' }).click();

  await expect(page.getByTestId('current-user')).toHaveText(admin.name);
  await expect(page.getByTestId('sync-state')).toContainText('محلي فقط');
  await expect(page.getByTestId('count-active-users')).toHaveText('1');
  await saveScreenshot(page, 'home-ar');

  await page.getByTestId('language-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.getByTestId('sync-state')).toContainText('Local uniquement');
  await saveScreenshot(page, 'home-fr');

  // The administrator runs the system, not the complaints register (law 09-08: who needs it).
  await expect(page.getByTestId('nav-complaints')).toHaveCount(0);
  for (const [route, heading] of [
    ['info-requests', "Demandes d'accès à l'information"],
    ['articles', 'Actualités et articles'],
    ['slec', 'Projet SLEC énergie-climat'],
  ] as const) {
    await page.getByTestId(`nav-${route}`).click();
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  }

  await page.getByTestId('language-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.getByTestId('nav-home').click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(admin.name);

  // Locking keeps the place; only the same user's password opens it again.
  await page.getByTestId('nav-articles').click();
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'قفل الشاشة' }).click();
  await expect(page.getByRole('heading', { name: 'الشاشة مقفلة' })).toBeVisible();
  await saveScreenshot(page, 'lock-ar');
  await page.locator('input[name=password]').fill('not-my-password');
  await page.getByRole('button', { name: 'فتح' }).click();
  await expect(page.getByRole('alert')).toContainText('اسم المستخدم أو كلمة المرور غير صحيحة');
  await page.locator('input[name=password]').fill(admin.password);
  await page.getByRole('button', { name: 'فتح' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'الأخبار والمقالات' })).toBeVisible();

  await page.getByTestId('user-menu').click();
  await page.getByTestId('sign-out').click();
  await expect(page.getByRole('heading', { name: 'تسجيل الدخول' })).toBeVisible();
  await saveScreenshot(page, 'sign-in-ar');

  // The language is remembered per user: sign in again and it is still Arabic.
  await page.getByLabel('اسم المستخدم').fill(admin.username);
  await page.locator('input[name=password]').fill('wrong-password');
  await page.getByRole('button', { name: 'دخول' }).click();
  await expect(page.getByRole('alert')).toContainText('اسم المستخدم أو كلمة المرور غير صحيحة');
  await page.locator('input[name=password]').fill(admin.password);
  await page.getByRole('button', { name: 'دخول' }).click();
  await expect(page.getByTestId('current-user')).toHaveText(admin.name);
});
