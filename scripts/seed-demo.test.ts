import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { demoAdminPassword, demoStaffPassword } from '../bench/generate/demo-register';
import { Core } from '../src/core/core';
import { createTestCore, setUpAdmin } from '../src/core/testing/test-core';
import { inspectDataFolder, seedDemo } from './seed-demo';

const folders: string[] = [];
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'maktab-seed-demo-'));
  folders.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A data folder in use: its administrator was created by a person, not by the seed. */
function realDataFolder(): string {
  const dir = folder();
  const t = createTestCore(dir);
  setUpAdmin(t);
  t.core.close();
  return dir;
}

const fingerprint = (dir: string) =>
  createHash('sha256')
    .update(readFileSync(join(dir, 'maktab.sqlite')))
    .digest('hex');

const quiet = () => undefined;
// Cases are dated back from this day, so the test does not depend on when it runs.
const now = Date.parse('2026-11-25T15:00:00Z');

describe('npm run seed:demo', () => {
  it('refuses a database holding real users when nobody confirms, and changes nothing', async () => {
    const dir = realDataFolder();
    const before = fingerprint(dir);
    const questions: string[] = [];
    const outcome = await seedDemo({
      dataDir: dir,
      yes: false,
      confirm: (question) => {
        questions.push(question);
        return Promise.resolve(false);
      },
      log: quiet,
    });
    expect(outcome.kind).toBe('refused');
    expect(questions).toHaveLength(1);
    expect(questions[0]).toContain('1 users');
    expect(fingerprint(dir)).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(['backups', 'maktab.sqlite']);
    expect(inspectDataFolder(dir).kind).toBe('foreign');
  });

  it('after confirmation, moves the real database aside (not deleted) and seeds', async () => {
    const dir = realDataFolder();
    const outcome = await seedDemo({
      dataDir: dir,
      yes: false,
      confirm: () => Promise.resolve(true),
      complaints: 12,
      now,
      log: quiet,
    });
    if (outcome.kind !== 'seeded') throw new Error('not seeded');
    expect(outcome.movedAside).not.toBeNull();
    expect(existsSync(outcome.movedAside ?? '')).toBe(true);
    // The moved file is the real one, whole: its administrator is still there.
    const aside = new Database(outcome.movedAside ?? '', { readonly: true });
    try {
      const admin = aside
        .prepare("SELECT display_name AS name FROM users WHERE username = 'admin'")
        .get() as { name: string } | undefined;
      expect(admin?.name).toBe('مدير النظام');
    } finally {
      aside.close();
    }
    expect(inspectDataFolder(dir).kind).toBe('seed-only');
  });

  it('seeds an empty folder through the dispatcher, then replaces its own seed without asking', async () => {
    const dir = folder();
    const first = await seedDemo({
      dataDir: dir,
      yes: false,
      confirm: () => Promise.reject(new Error('an empty folder needs no confirmation')),
      complaints: 40,
      now,
      log: quiet,
    });
    if (first.kind !== 'seeded') throw new Error('not seeded');
    expect(first.result.complaintIds.length).toBeGreaterThanOrEqual(35);
    expect(Object.keys(first.result.byStatus).length).toBeGreaterThanOrEqual(4);

    // Made through the mutation path: every complaint has its changes and a timeline.
    const core = new Core({ dataDir: dir, wallClock: () => now });
    try {
      const db = core.database();
      const changed = db
        .prepare("SELECT count(DISTINCT row_id) AS n FROM changes WHERE tbl = 'complaints'")
        .get() as { n: number };
      expect(changed.n).toBe(first.result.complaintIds.length);
      const signedIn = core.dispatch('session:signIn', {
        username: 'nadia.chaouni',
        password: demoStaffPassword,
      });
      expect(signedIn.ok).toBe(true);
      const id = first.result.complaintIds[0] ?? '';
      const detail = core.dispatch('cases:get', { id });
      if (!detail.ok) throw new Error(detail.error.code);
      expect((detail.value as { events: unknown[] }).events.length).toBeGreaterThan(0);
    } finally {
      core.close();
    }
    expect(inspectDataFolder(dir).kind).toBe('seed-only');

    const again = await seedDemo({
      dataDir: dir,
      yes: false,
      confirm: () => Promise.reject(new Error('its own seed needs no confirmation')),
      complaints: 10,
      now,
      log: quiet,
    });
    expect(again.kind).toBe('seeded');
  });

  it('treats a seeded database someone added to as real data', async () => {
    const dir = folder();
    await seedDemo({ dataDir: dir, yes: true, confirm: quietNo, complaints: 10, now, log: quiet });
    const core = new Core({ dataDir: dir, wallClock: () => now });
    try {
      expect(
        core.dispatch('session:signIn', { username: 'admin', password: demoAdminPassword }).ok,
      ).toBe(true);
      const created = core.dispatch('users:create', {
        username: 'real.clerk',
        displayName: 'موظف حقيقي',
        password: 'Another-Secret-2026',
        roles: ['clerk'],
        departmentId: null,
        language: 'ar',
      });
      expect(created.ok).toBe(true);
    } finally {
      core.close();
    }
    const before = fingerprint(dir);
    const outcome = await seedDemo({ dataDir: dir, yes: false, confirm: quietNo, log: quiet });
    expect(outcome.kind).toBe('refused');
    expect(fingerprint(dir)).toBe(before);
  });
});

function quietNo(): Promise<boolean> {
  return Promise.resolve(false);
}
