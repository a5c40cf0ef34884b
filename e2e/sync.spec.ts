import type { Locator, Page } from '@playwright/test';
import { communeToday } from '../src/shared/complaints/legal-clock';
import { saveScreenshot } from './fixtures';
import { expect, test, type CentralServer, type CouncilPc } from './sync-fixtures';

/**
 * Issue 4, item 16, as two offices would live it: the server goes down; on PC A a clerk registers
 * a complaint in Arabic, on PC B the head triages a complaint both PCs already had; the server
 * comes back, both PCs sync, and each sees the other's work with its official register number.
 */

const password = 'Ksar-ElKebir-2026';
const admin = { username: 'admin', displayName: 'سعاد الإدريسي' };
const clerk = { username: 'f.amrani', displayName: 'فاطمة الزهراء العمراني' };
const head = { username: 'k.touimi', displayName: 'خالد التويمي' };
const lighting = { ar: 'مصلحة الإنارة العمومية', fr: "Service de l'éclairage public" };

const lampPost = {
  subject: 'عمود الإنارة ساقط أمام مدرسة ابن خلدون',
  description: 'سقط عمود الإنارة العمومية على الرصيف والأسلاك الكهربائية مكشوفة.',
  district: 'حي المنزه',
  citizen: 'محمد العلمي',
  phone: '0612345678',
};
const darkStreet = {
  subject: 'انقطاع الإنارة في زنقة الأندلس منذ أسبوع',
  description: 'الزنقة مظلمة كل ليلة منذ أسبوع، والنساء يخفن المرور منها بعد المغرب.',
  district: 'حي السلام',
  citizen: 'خديجة البقالي',
  phone: '0698765432',
};
const headNote = 'اتصلت بفرقة الإنارة: التدخل مبرمج صباح الغد.';

/** The register's year is the year of receipt: today in Ksar El Kebir. */
const year = communeToday(new Date()).slice(0, 4);
const official = (sequence: number) => `${year}/${String(sequence).padStart(4, '0')}`;

async function choose(page: Page, testId: string, option: string | RegExp): Promise<void> {
  const field = page.getByTestId(testId);
  const combobox = field.locator('[role=combobox]');
  await ((await combobox.count()) > 0 ? combobox.first() : field).click();
  await page.getByRole('option', { name: option }).first().click();
}

/** First run on a new PC: join the commune's server, then sign in as on any other day. */
async function joinAndSignIn(pc: CouncilPc, server: CentralServer, username: string) {
  const { page, harness } = pc;
  await page.goto(harness.url);
  await page.getByTestId('first-run-join').click();
  await page.getByTestId('join-server-url').fill(server.url);
  await page.getByTestId('join-server-username').fill(username);
  await page.getByTestId('join-server-password').fill(password);
  await page.getByTestId('join-server-submit').click();
  // The accounts came with the first pull: the usual sign-in screen follows.
  const signInName = page.getByRole('textbox', { name: 'اسم المستخدم', exact: true });
  await expect(signInName).toBeVisible({ timeout: 30_000 });
  await signInName.fill(username);
  await page.locator('input[name=password]').fill(password);
  await page.getByRole('button', { name: /دخول/ }).click();
  await expect(page.getByTestId('current-user')).toBeVisible();
  await expect(page.getByTestId('sync-state')).toHaveAttribute('data-state', 'online');
}

/** The intake form, as complaints.spec.ts fills it; answers the number shown once registered. */
async function registerComplaint(page: Page, matter: typeof lampPost): Promise<string> {
  await page.getByTestId('nav-complaints').click();
  await page.getByTestId('new-complaint').click();
  await expect(page.getByTestId('intake-form')).toBeVisible();
  await choose(page, 'intake-channel', 'الهاتف');
  await page.getByTestId('intake-citizenName').fill(matter.citizen);
  await page.getByTestId('intake-citizenPhone').fill(matter.phone);
  await choose(page, 'intake-category', 'الإنارة العمومية');
  await page.getByTestId('intake-district').fill(matter.district);
  await page.getByTestId('intake-subject').fill(matter.subject);
  await page.getByTestId('intake-description').fill(matter.description);
  await page.getByTestId('intake-submit').click();
  await expect(page.getByTestId('intake-done')).toBeVisible();
  return (await page.getByTestId('intake-local-number').innerText()).trim();
}

function queueRows(page: Page): Locator {
  return page.locator('[data-testid=queue-grid] [role=row][data-id]');
}

async function openQueue(page: Page): Promise<void> {
  await page.getByTestId('nav-complaints').click();
  await page.getByTestId('view-all').click();
}

/** The queue's row of a case, found by its subject. */
function queueRow(page: Page, subject: string): Locator {
  return queueRows(page).filter({ hasText: subject });
}

async function openCase(page: Page, subject: string): Promise<void> {
  await openQueue(page);
  await queueRow(page, subject).getByTestId('case-number').click();
  await expect(page.getByTestId('case-subject')).toHaveText(subject);
}

/** "Sync now" from the header's menu, as a user does once the server is back. */
async function syncNow(page: Page): Promise<void> {
  const chip = page.getByTestId('sync-state');
  await chip.click();
  const button = page.getByTestId('sync-now');
  await expect(button).toBeVisible();
  if (await button.isEnabled()) await button.click();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('sync-menu')).toBeHidden();
}

/** Calls core as the window does (window.api of the harness; its type lives with the renderer). */
async function core(page: Page, name: string, input: unknown = {}): Promise<unknown> {
  const outcome = await page.evaluate(
    ([procedure, value]) =>
      (window as unknown as { api: Record<string, (input: unknown) => Promise<unknown>> }).api[
        procedure
      ]!(value),
    [name, input] as const,
  );
  const result = outcome as { ok: boolean; value?: unknown; error?: unknown };
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
  return result.value;
}

/**
 * Waits until this PC's register holds the case under that number, then the test looks at the
 * screen. Known gap: a screen whose first load is in flight when sync brings a change keeps the
 * older answer for up to 30 s (TanStack Query's invalidation does not cancel a first fetch, so
 * usePushedEvents' refetch is lost), which would make the queue checks flaky.
 */
async function waitForNumber(page: Page, subject: string, number: string): Promise<void> {
  await expect
    .poll(async () => (await registerRow(page, subject))?.number, { timeout: 20_000 })
    .toBe(number);
}

/** The same wait for a case's status: another PC's triage applied here. */
async function waitForStatus(page: Page, subject: string, status: string): Promise<void> {
  await expect
    .poll(async () => (await registerRow(page, subject))?.status, { timeout: 20_000 })
    .toBe(status);
}

async function registerRow(
  page: Page,
  subject: string,
): Promise<{ number: string; status: string } | undefined> {
  const queue = (await core(page, 'complaints:queue', {
    page: 0,
    pageSize: 50,
    view: 'all',
    sort: { field: 'number', direction: 'asc' },
    filters: {},
  })) as { rows: { subject: string; number: string; status: string }[] };
  return queue.rows.find((row) => row.subject === subject);
}

async function waitOnline(page: Page): Promise<void> {
  await expect(page.getByTestId('sync-state')).toHaveAttribute('data-state', 'online', {
    timeout: 30_000,
  });
  await expect(page.getByTestId('offline-banner')).toBeHidden();
}

test('two PCs work through an outage and each sees the other’s work with its official number', async ({
  server,
  pcA,
  pcB,
}) => {
  test.setTimeout(120_000);
  const a = pcA.page;
  const b = pcB.page;

  // Set-up by IT: the first administrator (server:admin), then the department and two accounts.
  await server.createFirstAdmin({
    username: admin.username,
    displayName: admin.displayName,
    password,
  });
  const it = await server.signInAdmin(admin.username, password);
  const department = await it.createDepartment(lighting.ar, lighting.fr);
  await it.createAccount({ ...clerk, roles: ['clerk'], departmentId: department, password });
  await it.createAccount({ ...head, roles: ['head'], departmentId: department, password });

  await joinAndSignIn(pcA, server, clerk.username);
  await joinAndSignIn(pcB, server, head.username);

  // Online, a case every PC has: it gets its official number as soon as it reaches the server.
  await registerComplaint(a, lampPost);
  await waitForNumber(a, lampPost.subject, official(1));
  await openQueue(a);
  await expect(queueRow(a, lampPost.subject).getByTestId('case-number')).toHaveText(official(1));
  await waitForNumber(b, lampPost.subject, official(1));
  await openQueue(b);
  await expect(queueRow(b, lampPost.subject).getByTestId('case-number')).toHaveText(official(1));

  // The outage.
  await server.stop();
  for (const page of [a, b]) {
    await expect(page.getByTestId('sync-state')).toHaveAttribute('data-state', 'offline', {
      timeout: 20_000,
    });
    await expect(page.getByTestId('offline-banner')).toBeVisible();
  }

  // On A, a clerk registers a complaint: this PC's number now, the register's after sync.
  const localNumber = await registerComplaint(a, darkStreet);
  expect(localNumber).toMatch(new RegExp(`^PC[0-9A-F]{4}-${year}-0002$`));
  await a.getByTestId('intake-open-case').click();
  await expect(a.getByTestId('case-number')).toHaveText(localNumber);
  await expect(a.getByText('الرقم الرسمي بعد المزامنة')).toBeVisible();
  await expect(a.getByTestId('sync-state')).toHaveAttribute('data-state', 'offline');
  await expect(a.getByTestId('offline-banner')).toBeVisible();
  await saveScreenshot(a, 'sync-offline-case-a-ar');

  // On B, the head triages the case both PCs had: routed to his service, with a note.
  await openCase(b, lampPost.subject);
  await b.getByTestId('route-case').click();
  await choose(b, 'route-department', lighting.ar);
  await b.getByTestId('route-dialog-submit').click();
  await expect(b.getByTestId('route-dialog')).toBeHidden();
  await expect(b.getByTestId('case-status')).toHaveText('موجهة');
  await b.getByTestId('note-input').fill(headNote);
  await b.getByTestId('add-note').click();
  // The note's confirmation follows a language switch made while it shows. It closes by itself
  // 5 s after it opened, so the switch comes first and the slower checks after it.
  await expect(b.getByTestId('success-notice')).toContainText('أضيفت الملاحظة.');
  await b.getByTestId('language-toggle').click();
  await expect(b.getByTestId('success-notice')).toContainText('La note est ajoutée.');
  await b.getByTestId('success-notice').getByRole('button').click();
  await expect(b.getByTestId('success-notice')).toBeHidden();
  await expect(b.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(b.getByTestId('timeline')).toContainText(headNote);
  await expect(b.getByTestId('offline-banner')).toBeVisible();
  await saveScreenshot(b, 'sync-offline-case-b-fr');

  // The server is back on the same folder and port: A sends first, then B, then A fetches B's.
  await server.start();
  await syncNow(a);
  await waitOnline(a);
  await expect(a.getByTestId('case-number')).toHaveText(official(2), { timeout: 20_000 });
  await syncNow(b);
  await waitOnline(b);
  await syncNow(a);
  await waitOnline(a);
  // Nothing refused, nothing contested; what is left to send (a case page opened again records
  // its view in the audit log) goes within seconds.
  for (const page of [a, b])
    await expect
      .poll(() => core(page, 'sync:status'), { timeout: 15_000 })
      .toMatchObject({ pending: 0, rejections: 0, conflicts: 0 });

  // A sees B's triage, and its own new case under its official number. Its last run may still be
  // applying the triage: the queue opens once it has (see waitForNumber).
  await waitForStatus(a, lampPost.subject, 'routed');
  await openQueue(a);
  await expect(queueRows(a)).toHaveCount(2);
  await expect(queueRow(a, darkStreet.subject).getByTestId('case-number')).toHaveText(official(2));
  await expect(queueRow(a, lampPost.subject).getByTestId('case-number')).toHaveText(official(1));
  await expect(queueRow(a, lampPost.subject)).toContainText('موجهة', { timeout: 20_000 });
  await expect(a.getByTestId('official-number-pending')).toHaveCount(0);
  await saveScreenshot(a, 'sync-queue-a-ar');
  await openCase(a, lampPost.subject);
  await expect(a.getByTestId('case-number')).toHaveText(official(1));
  await expect(a.getByTestId('case-department')).toContainText(lighting.ar);
  await expect(a.getByTestId('timeline')).toContainText(headNote);
  await a.getByTestId('language-toggle').click();
  await expect(a.locator('html')).toHaveAttribute('dir', 'ltr');
  await openQueue(a);
  await expect(queueRows(a)).toHaveCount(2);
  await saveScreenshot(a, 'sync-queue-a-fr');

  // B sees A's new case with its official number, in the queue and on the case page.
  await openQueue(b);
  await expect(queueRows(b)).toHaveCount(2);
  await expect(queueRow(b, darkStreet.subject).getByTestId('case-number')).toHaveText(official(2));
  await expect(queueRow(b, lampPost.subject).getByTestId('case-number')).toHaveText(official(1));
  await expect(b.getByTestId('official-number-pending')).toHaveCount(0);
  await saveScreenshot(b, 'sync-queue-b-fr');
  await openCase(b, darkStreet.subject);
  await expect(b.getByTestId('case-number')).toHaveText(official(2));
  await expect(b.getByText(localNumber)).toBeVisible();
  await expect(b.getByTestId('case-description')).toHaveText(darkStreet.description);
  await b.getByTestId('language-toggle').click();
  await expect(b.locator('html')).toHaveAttribute('dir', 'rtl');
  await openQueue(b);
  await expect(queueRows(b)).toHaveCount(2);
  await saveScreenshot(b, 'sync-queue-b-ar');
});
