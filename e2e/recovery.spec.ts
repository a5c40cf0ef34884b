import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Core } from '../src/core/core';
import { startHarness } from '../src/harness/harness-server';
import { expect, saveScreenshot, test } from './fixtures';

const password = 'Larache-Lixus-2026';

/** A data folder whose database was damaged after a backup was taken (a power cut, a bad disk). */
function damagedDataFolder(): string {
  const dataDir = mkdtempSync(join(tmpdir(), 'maktab-e2e-damaged-'));
  const core = new Core({ dataDir });
  const call = (name: string, input: unknown) => {
    const result = core.dispatch(name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.code}`);
  };
  call('session:createFirstAdmin', {
    username: 'admin',
    displayName: 'مدير النظام',
    password,
    language: 'ar',
  });
  call('departments:create', { nameAr: 'الحالة المدنية', nameFr: 'État civil' });
  call('backups:create', {});
  core.close();
  const file = join(dataDir, 'maktab.sqlite');
  const size = statSync(file).size;
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(size - 4096, 0x5a), 0, size - 4096, 4096);
  closeSync(fd);
  return dataDir;
}

test('a damaged database is reported clearly and a backup brings the work back', async ({
  page,
}) => {
  const dataDir = damagedDataFolder();
  const harness = await startHarness({ rendererDir: 'out/renderer', dataDir, port: 0 });
  try {
    await page.goto(harness.url);
    await expect(page.getByRole('heading', { name: 'قاعدة البيانات متضررة' })).toBeVisible();
    await saveScreenshot(page, 'recovery-ar');
    await page.getByRole('button', { name: 'استرجاع هذه النسخة' }).first().click();
    await expect(page.getByRole('heading', { name: 'تسجيل الدخول' })).toBeVisible();
    await page.locator('input[name=username]').fill('admin');
    await page.locator('input[name=password]').fill(password);
    await page.getByRole('button', { name: 'دخول' }).click();
    await expect(page.getByTestId('count-departments')).toHaveText('1');
  } finally {
    await harness.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
