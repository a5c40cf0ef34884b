import type { Page } from '@playwright/test';
import { expect, saveScreenshot, test } from './fixtures';

const admin = { name: 'سعاد الإدريسي', username: 'souad.idrissi', password: 'Ksar-ElKebir-2026' };
const clerk = {
  name: 'فاطمة الزهراء العمراني',
  username: 'f.amrani',
  password: 'Bureau-dordre-2026',
};
const department = { ar: 'قسم الشؤون الإدارية', fr: 'Division des affaires administratives' };

async function createAdministrator(page: Page): Promise<void> {
  await page.getByLabel('الاسم الكامل').fill(admin.name);
  await page.getByLabel('اسم المستخدم').fill(admin.username);
  await page.locator('input[name=password]').fill(admin.password);
  await page.locator('input[name=confirm]').fill(admin.password);
  await page.getByRole('button', { name: 'إنشاء حساب المدير والدخول' }).click();
  await expect(page.getByTestId('current-user')).toHaveText(admin.name);
}

async function fillNewUser(page: Page): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'إضافة مستخدم جديد' });
  await dialog.getByLabel('الاسم الكامل').fill(clerk.name);
  await dialog.getByLabel('اسم المستخدم').fill(clerk.username);
  await dialog.getByLabel(/^كلمة المرور/).fill(clerk.password);
  await dialog.getByLabel('تأكيد كلمة المرور').fill(clerk.password);
  await dialog.getByRole('combobox', { name: 'الأدوار' }).click();
  await page.getByRole('option', { name: 'موظف(ة)' }).click();
  await page.keyboard.press('Escape');
  await dialog.getByRole('combobox', { name: 'القسم أو المصلحة' }).click();
  await page.getByRole('option', { name: department.ar }).click();
}

test('the administrator sets up a department and a clerk, deactivates the clerk, reads the audit log, changes a setting and takes a backup', async ({
  page,
  harness,
}) => {
  await page.goto(harness.url);
  await createAdministrator(page);

  // A department, with its Arabic and French official names.
  await page.getByTestId('nav-admin/departments').click();
  await expect(page.getByRole('heading', { level: 1, name: 'الأقسام والمصالح' })).toBeVisible();
  await page.getByTestId('add-department').click();
  const departmentDialog = page.getByRole('dialog', { name: 'إضافة قسم أو مصلحة' });
  await expect(departmentDialog.getByLabel('الاسم بالعربية')).toHaveAttribute('dir', 'rtl');
  await expect(departmentDialog.getByLabel('الاسم بالفرنسية')).toHaveAttribute('dir', 'ltr');
  await departmentDialog.getByLabel('الاسم بالعربية').fill(department.ar);
  await departmentDialog.getByLabel('الاسم بالفرنسية').fill(department.fr);
  await page.getByTestId('department-dialog-submit').click();
  await expect(departmentDialog).toBeHidden();
  await expect(page.getByTestId('departments-table')).toContainText(department.ar);
  await expect(page.getByTestId('departments-table')).toContainText(department.fr);
  await saveScreenshot(page, 'admin-departments-ar');

  // A clerk with an Arabic name, attached to that department.
  await page.getByTestId('nav-admin/users').click();
  await expect(page.getByRole('heading', { level: 1, name: 'المستخدمون' })).toBeVisible();
  const grid = page.getByTestId('users-grid');
  await expect(grid).toContainText(admin.name);
  await page.getByTestId('add-user').click();
  await fillNewUser(page);
  await page.getByTestId('user-dialog-submit').click();
  await expect(page.getByTestId('user-dialog')).toBeHidden();
  await expect(page.getByTestId('success-notice')).toContainText(clerk.name);
  const clerkRow = grid.getByRole('row').filter({ hasText: clerk.username });
  await expect(clerkRow).toContainText(clerk.name);
  await expect(clerkRow).toContainText('موظف(ة)');
  await expect(clerkRow).toContainText(department.ar);
  await expect(clerkRow).toContainText('نشط');

  // The same username again: refused with the translated code, and nothing typed is lost.
  await page.getByTestId('add-user').click();
  await fillNewUser(page);
  await page.getByTestId('user-dialog-submit').click();
  const dialog = page.getByRole('dialog', { name: 'إضافة مستخدم جديد' });
  await expect(dialog.getByRole('alert')).toHaveText('اسم المستخدم هذا مستعمل من قبل.');
  await expect(dialog).toContainText('مستعمل من قبل.');
  await expect(dialog.getByLabel('الاسم الكامل')).toHaveValue(clerk.name);
  await expect(dialog.getByLabel('اسم المستخدم')).toHaveValue(clerk.username);
  await expect(dialog.getByLabel(/^كلمة المرور/)).toHaveValue(clerk.password);
  await expect(dialog.getByRole('combobox', { name: 'الأدوار' })).toContainText('موظف(ة)');
  await expect(dialog.getByRole('combobox', { name: 'القسم أو المصلحة' })).toContainText(
    department.ar,
  );
  await saveScreenshot(page, 'admin-user-dialog-ar');
  await dialog.getByRole('button', { name: 'إلغاء' }).click();
  await expect(dialog).toBeHidden();

  // Deactivation, after a confirmation: the clerk leaves the list of active accounts.
  await clerkRow.getByTestId('user-deactivate').click();
  await page.getByTestId('user-active-dialog-confirm').click();
  await expect(page.getByTestId('user-active-dialog')).toBeHidden();
  await expect(grid.getByRole('row').filter({ hasText: clerk.username })).toHaveCount(0);
  await page.getByTestId('include-inactive').click();
  await expect(clerkRow).toContainText('معطل');
  await expect(clerkRow.getByTestId('user-reactivate')).toBeVisible();
  await expect(grid).toContainText('1 إلى 2 من أصل 2');
  await saveScreenshot(page, 'admin-users-ar');

  // The audit log, filtered on record creations in the users table.
  await page.getByTestId('nav-admin/audit').click();
  await expect(page.getByRole('heading', { level: 1, name: 'سجل التتبع' })).toBeVisible();
  await page.getByRole('combobox', { name: 'العملية' }).click();
  await page.getByRole('option', { name: 'إضافة', exact: true }).click();
  const audit = page.getByTestId('audit-grid');
  const auditRows = audit.getByRole('row').filter({ hasText: 'إضافة' });
  // Three creations so far: the department, the first administrator and the clerk.
  await expect(audit).toContainText('1 إلى 3 من أصل 3');
  await expect(auditRows.filter({ hasText: 'الأقسام والمصالح' })).toHaveCount(1);
  await page.getByLabel('الجدول').fill('users');
  await expect(audit).toContainText('1 إلى 2 من أصل 2');
  await expect(auditRows.filter({ hasText: 'الأقسام والمصالح' })).toHaveCount(0);
  // Both were created by the administrator: the first one created their own account.
  const userCreations = auditRows.filter({ hasText: admin.name });
  await expect(userCreations).toHaveCount(2);
  await expect(userCreations.first()).toContainText('المستخدمون');
  await expect(userCreations.first()).toContainText('username');
  await page.getByLabel('من تاريخ').fill('2026-03-04');
  await expect(page.getByTestId('audit-filter-from')).toContainText('4 مارس 2026');
  await page.getByTestId('audit-filter-clear').click();
  await page.getByRole('combobox', { name: 'العملية' }).click();
  await page.getByRole('option', { name: 'إضافة', exact: true }).click();
  await page.getByLabel('الجدول').fill('users');
  await expect(audit).toContainText('1 إلى 2 من أصل 2');
  await saveScreenshot(page, 'admin-audit-ar');

  // A setting, then a backup taken now and listed.
  await page.getByTestId('nav-admin/settings').click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'الإعدادات والنسخ الاحتياطية' }),
  ).toBeVisible();
  const lockMinutes = page.getByLabel('مدة عدم النشاط قبل قفل الشاشة (بالدقائق)');
  await expect(lockMinutes).toHaveValue('10');
  await lockMinutes.fill('15');
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('success-notice')).toContainText('تم حفظ الإعدادات');
  await page.getByTestId('backup-now').click();
  await expect(page.getByTestId('success-notice')).toContainText('تم أخذ نسخة احتياطية');
  const backups = page.getByTestId('backups-table');
  await expect(backups.getByRole('row').filter({ hasText: 'يدوية' })).toHaveCount(1);
  await expect(backups).toContainText(/maktab-.*-manual\.sqlite/);
  await expect(backups).toContainText('كيلوبايت');
  await page.getByTestId('backup-restore').first().click();
  await expect(page.getByTestId('backup-restore-dialog')).toContainText('قبل الاسترجاع');
  await page.getByTestId('backup-restore-dialog').getByRole('button', { name: 'إلغاء' }).click();
  await page.reload();
  await expect(page.getByLabel('مدة عدم النشاط قبل قفل الشاشة (بالدقائق)')).toHaveValue('15');
  await saveScreenshot(page, 'admin-settings-ar');

  // The users page in French: left to right, French grid strings, French department names.
  await page.getByTestId('language-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await page.getByTestId('nav-admin/users').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Utilisateurs' })).toBeVisible();
  await expect(grid).toContainText('Lignes par page');
  await page.getByTestId('include-inactive').click();
  await expect(grid).toContainText(department.fr);
  await expect(grid.getByRole('row').filter({ hasText: clerk.username })).toContainText(
    'Désactivé',
  );
  await saveScreenshot(page, 'admin-users-fr');
});
