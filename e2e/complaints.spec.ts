import type { Page } from '@playwright/test';
import { expect, saveScreenshot, test } from './fixtures';

/**
 * Issue 3, as a clerk and a department head would do it: an urgent complaint registered in Arabic,
 * routed, assigned, noted, answered from a template, approved by the head, given to the citizen by
 * phone and closed; found again with another spelling; seen in Arabic and in French.
 */

const password = 'Ksar-ElKebir-2026';
const clerk = { username: 'f.amrani', name: 'فاطمة الزهراء العمراني' };
const head = { username: 'k.touimi', name: 'خالد التويمي' };
const lighting = { ar: 'مصلحة الإنارة العمومية', fr: "Service de l'éclairage public" };

/** Calls core like the window does, for the set-up an administrator did earlier. */
async function api(page: Page, name: string, input: unknown): Promise<unknown> {
  // The page's window.api (the harness's); its type lives with the renderer, not in e2e.
  const result = await page.evaluate(
    ([procedure, value]) =>
      (window as unknown as { api: Record<string, (input: unknown) => Promise<unknown>> }).api[
        procedure
      ]!(value),
    [name, input] as const,
  );
  const outcome = result as { ok: boolean; value?: unknown; error?: unknown };
  if (!outcome.ok) throw new Error(`${name}: ${JSON.stringify(outcome.error)}`);
  return outcome.value;
}

async function setUpCommune(page: Page): Promise<void> {
  await api(page, 'session:createFirstAdmin', {
    username: 'admin',
    displayName: 'سعاد الإدريسي',
    password,
    language: 'ar',
  });
  const department = (await api(page, 'departments:create', {
    nameAr: lighting.ar,
    nameFr: lighting.fr,
  })) as { id: string };
  for (const [user, roles] of [
    [clerk, ['clerk']],
    [head, ['head']],
  ] as const) {
    await api(page, 'users:create', {
      username: user.username,
      displayName: user.name,
      password,
      roles,
      departmentId: department.id,
      language: 'ar',
    });
  }
  await api(page, 'session:signOut', {});
  await page.reload();
}

async function signIn(page: Page, username: string): Promise<void> {
  await page.getByLabel('اسم المستخدم').fill(username);
  await page.locator('input[name=password]').fill(password);
  await page.getByRole('button', { name: /دخول/ }).click();
  await expect(page.getByTestId('current-user')).toBeVisible();
}

async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('sign-out').click();
  await expect(page.getByLabel('اسم المستخدم')).toBeVisible();
}

async function choose(page: Page, testId: string, option: string | RegExp): Promise<void> {
  const field = page.getByTestId(testId);
  const combobox = field.locator('[role=combobox]');
  await ((await combobox.count()) > 0 ? combobox.first() : field).click();
  await page.getByRole('option', { name: option }).first().click();
}

test('a clerk registers an urgent complaint, the head approves the reply, and it is closed', async ({
  page,
  harness,
}) => {
  await page.goto(harness.url);
  await expect(page.getByLabel('اسم المستخدم')).toBeVisible();
  await setUpCommune(page);
  await signIn(page, clerk.username);

  // Intake: a fallen lamp post reported by phone, the number typed in Eastern Arabic digits.
  await page.getByTestId('nav-complaints').click();
  await page.getByTestId('new-complaint').click();
  await expect(page.getByTestId('intake-form')).toBeVisible();
  await choose(page, 'intake-channel', 'الهاتف');
  await page.getByTestId('intake-urgent').check();
  await page.getByTestId('intake-citizenName').fill('محمد العلمي');
  await page.getByTestId('intake-citizenPhone').fill('٠٦١٢ ٣٤ ٥٦ ٧٨');
  await choose(page, 'intake-category', 'الإنارة العمومية');
  await page.getByTestId('intake-district').fill('حي المنزه');
  await page.getByTestId('intake-subject').fill('عمود الإنارة ساقط أمام مدرسة ابن خلدون');
  await page
    .getByTestId('intake-description')
    .fill(
      'سقط عمود الإنارة العمومية على الرصيف والأسلاك الكهربائية مكشوفة، والتلاميذ يمرون من هنا.',
    );
  await saveScreenshot(page, 'complaints-intake-ar');
  await page.getByTestId('intake-submit').click();
  await expect(page.getByTestId('intake-done')).toBeVisible();
  await expect(page.getByTestId('intake-local-number')).toContainText(/-\d{4}-0001/);
  await page.getByTestId('intake-open-case').click();

  // The case: urgent, so the citizen must be called today.
  await expect(page.getByTestId('case-number')).toBeVisible();
  await expect(page.getByTestId('mark-called')).toBeVisible();
  await expect(page.getByTestId('call-today')).toContainText('0612345678');
  await expect(page.getByTestId('citizen-phone')).toHaveText('0612345678');

  await page.getByTestId('route-case').click();
  await choose(page, 'route-department', lighting.ar);
  await page.getByTestId('route-dialog-submit').click();
  await expect(page.getByTestId('route-dialog')).toBeHidden();

  await page.getByTestId('assign-case').click();
  await choose(page, 'assign-assignee', clerk.name);
  await page.getByTestId('assign-dialog-submit').click();
  await expect(page.getByTestId('assign-dialog')).toBeHidden();

  await page.getByTestId('note-input').fill('طلبت من فرقة الإنارة تأمين المكان قبل الظهر.');
  await page.getByTestId('add-note').click();
  await expect(page.getByTestId('timeline')).toContainText('طلبت من فرقة الإنارة');

  // A reply from the template, its placeholders filled with the citizen's name.
  await choose(page, 'reply-template', /.+/);
  await expect(page.getByTestId('reply-body')).toHaveValue(/محمد العلمي/);
  await page.getByTestId('save-reply').click();
  await page.getByTestId('submit-reply').click();
  await expect(page.getByTestId('reply-status').first()).toHaveText('مرسل للمصادقة');
  await saveScreenshot(page, 'complaints-case-clerk-ar');
  // A clerk cannot approve: the button is not there, and core would refuse anyway.
  await expect(page.getByTestId('approve-reply')).toHaveCount(0);
  await signOut(page);

  // The head finds the case with another spelling: no hamza, ta marbuta written as ha.
  await signIn(page, head.username);
  await page.getByTestId('nav-complaints').click();
  await page.getByTestId('view-all').click();
  await page.getByTestId('queue-search').locator('input').fill('الانارة مدرسه');
  const rows = page.locator('[data-testid=queue-grid] [role=row][data-id]');
  await expect(rows).toHaveCount(1);
  await saveScreenshot(page, 'complaints-queue-search-ar');
  await page.getByTestId('case-number').first().click();
  await expect(page.getByTestId('approve-reply')).toBeVisible();

  await page.getByTestId('approve-reply').click();
  await page.getByTestId('approve-dialog-submit').click();
  await expect(page.getByTestId('approve-dialog')).toBeHidden();
  await expect(page.getByTestId('reply-status').first()).toHaveText('مصادق عليه');

  await page.getByTestId('deliver-reply').click();
  await choose(page, 'deliver-method', 'عبر الهاتف');
  await page.getByTestId('deliver-dialog-submit').click();
  await expect(page.getByTestId('deliver-dialog')).toBeHidden();

  await page.getByTestId('close-case').click();
  await page.getByTestId('close-dialog-text').fill('أعيد تثبيت العمود وأصلحت الأسلاك يوم التدخل.');
  await page.getByTestId('close-dialog-submit').click();
  await expect(page.getByTestId('close-dialog')).toBeHidden();
  await expect(page.getByTestId('case-status')).toHaveText('مغلقة');
  await saveScreenshot(page, 'complaints-case-closed-ar');

  // The same case and the queue in French, left to right.
  await page.getByTestId('language-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.getByTestId('case-status')).toHaveText('Clôturée');
  await saveScreenshot(page, 'complaints-case-closed-fr');
  await page.getByTestId('nav-complaints').click();
  await page.getByTestId('view-all').click();
  await expect(rows).toHaveCount(1);
  await saveScreenshot(page, 'complaints-queue-fr');
});
