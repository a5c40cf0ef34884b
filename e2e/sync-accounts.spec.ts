import type { Page } from '@playwright/test';
import { TestDevice, protocolHeaders } from '../src/server/testing/test-clients';
import { apiPrefix } from '../src/shared/sync/protocol';
import { saveScreenshot } from './fixtures';
import { expect, test, type CentralServer, type CouncilPc } from './sync-fixtures';

/**
 * Issue 4, item 2: a colleague's first sign-in on a PC joined to the commune's server. The PC has
 * never seen their password, so the sign-in screen asks the server, brings their account, then
 * signs them in here; a wrong password or a server out of reach says so and keeps what was typed.
 */

const password = 'Ksar-ElKebir-2026';
const admin = { username: 'admin', displayName: 'سعاد الإدريسي' };
const clerk = { username: 'f.amrani', displayName: 'فاطمة الزهراء العمراني' };
const head = { username: 'k.touimi', displayName: 'خالد التويمي' };

async function joinAsAdmin(pc: CouncilPc, server: CentralServer): Promise<void> {
  const { page, harness } = pc;
  await page.goto(harness.url);
  await page.getByTestId('first-run-join').click();
  await page.getByTestId('join-server-url').fill(server.url);
  await page.getByTestId('join-server-username').fill(admin.username);
  await page.getByTestId('join-server-password').fill(password);
  await page.getByTestId('join-server-submit').click();
  await expect(usernameField(page)).toBeVisible({ timeout: 30_000 });
}

function usernameField(page: Page) {
  return page.locator('input[name=username]');
}

async function signIn(page: Page, username: string, typed: string): Promise<void> {
  await usernameField(page).fill(username);
  await page.locator('input[name=password]').fill(typed);
  await page.locator('form button[type=submit]').click();
}

test('a colleague signs in for the first time on a joined PC through the server', async ({
  server,
  pcA,
}) => {
  test.setTimeout(120_000);
  const page = pcA.page;
  await server.createFirstAdmin({ ...admin, password });
  const it = await server.signInAdmin(admin.username, password);
  await it.createAccount({ ...clerk, roles: ['clerk'], departmentId: null, password });
  await it.createAccount({ ...head, roles: ['head'], departmentId: null, password });
  await joinAsAdmin(pcA, server);

  // A wrong password: the server says no, and what was typed stays.
  await signIn(page, clerk.username, 'not her password at all');
  const refused = page.getByTestId('online-sign-in-failed');
  await expect(refused).toContainText('رفض الخادم المركزي اسم المستخدم أو كلمة المرور', {
    timeout: 20_000,
  });
  await expect(usernameField(page)).toHaveValue(clerk.username);
  await expect(page.locator('input[name=password]')).toHaveValue('not her password at all');
  await saveScreenshot(page, 'sync-first-sign-in-refused-ar');

  // The right one: signed in at the server, her account arrives, she is in.
  await page.locator('input[name=password]').fill(password);
  await page.locator('form button[type=submit]').click();
  await expect(page.getByTestId('current-user')).toContainText(clerk.displayName, {
    timeout: 30_000,
  });
  await expect(page.getByTestId('sync-state')).toHaveAttribute('data-state', 'online', {
    timeout: 30_000,
  });

  // The server is out of reach: a colleague new to this PC is told why, in French too.
  await page.getByTestId('user-menu').click();
  await page.getByTestId('sign-out').click();
  await expect(usernameField(page)).toBeVisible();
  await server.stop();
  await page.getByTestId('language-toggle').click();
  await signIn(page, head.username, password);
  await expect(page.getByTestId('online-sign-in-failed')).toContainText(
    'Le serveur central est injoignable',
    { timeout: 30_000 },
  );
  await expect(usernameField(page)).toHaveValue(head.username);
  await saveScreenshot(page, 'sync-first-sign-in-offline-fr');

  // Back online: the same form, submitted again, lets him in.
  await server.start();
  await page.locator('form button[type=submit]').click();
  await expect(page.getByTestId('current-user')).toContainText(head.displayName, {
    timeout: 30_000,
  });
  // The clerk's verifier stays on this PC: she signs in here offline from now on.
  await page.getByTestId('user-menu').click();
  await page.getByTestId('sign-out').click();
  await server.stop();
  await signIn(page, clerk.username, password);
  await expect(page.getByTestId('current-user')).toContainText(clerk.displayName);
  await server.start();
});

test('a password changed on another PC is checked with the server from the sign-in screen', async ({
  server,
  pcA,
}) => {
  test.setTimeout(120_000);
  const page = pcA.page;
  const changed = 'Loukkos-Changed-2027';
  await server.createFirstAdmin({ ...admin, password });
  const it = await server.signInAdmin(admin.username, password);
  const clerkId = await it.createAccount({
    ...clerk,
    roles: ['clerk'],
    departmentId: null,
    password,
  });
  await joinAsAdmin(pcA, server);
  await signIn(page, clerk.username, password);
  await expect(page.getByTestId('current-user')).toContainText(clerk.displayName, {
    timeout: 30_000,
  });
  await page.getByTestId('user-menu').click();
  await page.getByTestId('sign-out').click();

  // The administrator resets it on another PC: the server knows the new one, this PC the old one.
  const elsewhere = await TestDevice.signIn(server.app, admin.username, Date.now, password);
  const reset = await server.app.inject({
    method: 'POST',
    url: `${apiPrefix}/users/${clerkId}/password`,
    headers: { ...protocolHeaders, authorization: `Bearer ${elsewhere.token}` },
    payload: { password: changed },
  });
  expect(reset.statusCode).toBe(204);

  // Here the new one is a wrong password, as any other: the error offers the server.
  await signIn(page, clerk.username, changed);
  const offer = page.getByTestId('server-sign-in-offer');
  await expect(offer).toContainText('اسم المستخدم أو كلمة المرور غير صحيحة');
  await expect(page.locator('input[name=password]')).toHaveValue(changed);
  await saveScreenshot(page, 'sync-password-changed-offer-ar');

  // Out of reach: said so, in French too, and nothing changes here.
  await server.stop();
  await page.getByTestId('language-toggle').click();
  await page.getByTestId('sign-in-with-server').click();
  await expect(page.getByTestId('online-sign-in-failed')).toContainText(
    'Le serveur central est injoignable',
    { timeout: 30_000 },
  );
  await saveScreenshot(page, 'sync-password-changed-offline-fr');

  // Back: the server checks it, this PC keeps it, she is in.
  await server.start();
  await page.locator('form button[type=submit]').click();
  await page.getByTestId('sign-in-with-server').click();
  await expect(page.getByTestId('current-user')).toContainText(clerk.displayName, {
    timeout: 30_000,
  });
  // From now on the new password opens this PC offline, and the old one no longer does.
  await page.getByTestId('user-menu').click();
  await page.getByTestId('sign-out').click();
  await server.stop();
  await signIn(page, clerk.username, password);
  await expect(page.getByTestId('server-sign-in-offer')).toBeVisible();
  await page.locator('input[name=password]').fill(changed);
  await page.locator('form button[type=submit]').click();
  await expect(page.getByTestId('current-user')).toContainText(clerk.displayName);
  await server.start();
});
