/**
 * `npm run seed:demo [-- --yes]`: fills the harness's data folder (MAKTAB_DATA_DIR, else
 * `.demo-data/`) with a few hundred realistic complaints, departments and demo accounts, all made
 * through core's dispatcher (bench/generate/demo-register.ts), then prints the accounts and how to
 * start the harness on them.
 *
 * It never touches a real database without confirmation: a database holding users or complaints
 * the seed did not create (the seed lists its own in local_meta) is only replaced after a y/N
 * answer or `--yes`, and even then it is moved aside, never deleted. A database made by an
 * earlier seed is replaced without asking.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../src/core/db/connection';
import { writeMeta } from '../src/core/settings/local-settings';
import { seedDemoRegister, type DemoSeedResult } from '../bench/generate/demo-register';

/** The local_meta key that lists what the seed created. */
export const demoSeedKey = 'demo_seed';
export const defaultDemoDir = '.demo-data';

interface SeedMark {
  version: 1;
  seededAt: string;
  userIds: string[];
  complaintIds: string[];
}

export type FolderState =
  | { kind: 'empty' }
  | { kind: 'seed-only' }
  | { kind: 'foreign'; users: number; complaints: number; reason: string };

const databaseFiles = (dataDir: string): string[] => {
  const file = join(dataDir, 'maktab.sqlite');
  return [file, `${file}-wal`, `${file}-shm`];
};

function tableExists(db: Database.Database, name: string): boolean {
  return (
    db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !==
    undefined
  );
}

/**
 * What the folder holds, read without writing anything: no database (or one without users and
 * complaints), one the seed made and nobody added to, or someone's data.
 */
export function inspectDataFolder(dataDir: string): FolderState {
  const file = join(dataDir, 'maktab.sqlite');
  if (!existsSync(file) || statSync(file).size === 0) return { kind: 'empty' };
  // A read-only look at a WAL database leaves an empty -wal and a -shm behind: remove those we made.
  const [, wal = '', shm = ''] = databaseFiles(dataDir);
  const leftBehind = [wal, shm].filter((name) => !existsSync(name));
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    return { kind: 'foreign', users: 0, complaints: 0, reason: String(error) };
  }
  try {
    const ids = (table: string): string[] =>
      tableExists(db, table)
        ? (db.prepare(`SELECT id FROM ${table}`).all() as { id: string }[]).map((r) => r.id)
        : [];
    const users = ids('users');
    const complaints = ids('complaints');
    if (users.length === 0 && complaints.length === 0) return { kind: 'empty' };
    const raw = tableExists(db, 'local_meta')
      ? (db.prepare('SELECT value FROM local_meta WHERE key = ?').get(demoSeedKey) as
          { value: string } | undefined)
      : undefined;
    const mark = raw ? (JSON.parse(raw.value) as SeedMark) : null;
    const seededUsers = new Set(mark?.userIds ?? []);
    const seededComplaints = new Set(mark?.complaintIds ?? []);
    const othersUsers = users.filter((id) => !seededUsers.has(id)).length;
    const othersComplaints = complaints.filter((id) => !seededComplaints.has(id)).length;
    if (mark && othersUsers === 0 && othersComplaints === 0) return { kind: 'seed-only' };
    return {
      kind: 'foreign',
      users: othersUsers,
      complaints: othersComplaints,
      reason: mark ? 'records were added after the demo seed' : 'not made by the demo seed',
    };
  } catch (error) {
    return { kind: 'foreign', users: 0, complaints: 0, reason: String(error) };
  } finally {
    db.close();
    if (!existsSync(wal) || statSync(wal).size === 0)
      for (const name of leftBehind) rmSync(name, { force: true });
  }
}

/** Moves the database (with its WAL) aside under a dated name; returns the new name. */
function moveAside(dataDir: string, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const [file] = databaseFiles(dataDir);
  const aside = `${file}.before-demo-${stamp}`;
  for (const [i, name] of databaseFiles(dataDir).entries()) {
    const suffix = ['', '-wal', '-shm'][i] ?? '';
    if (existsSync(name)) renameSync(name, `${aside}${suffix}`);
  }
  return aside;
}

export interface SeedDemoOptions {
  dataDir: string;
  /** `--yes`: replace a database holding others' data without asking (it is moved aside). */
  yes: boolean;
  /** Asks the user; resolves false when there is nobody to ask. */
  confirm: (question: string) => Promise<boolean>;
  complaints?: number;
  now?: number;
  log?: (line: string) => void;
}

export type SeedDemoOutcome =
  | { kind: 'refused'; state: Extract<FolderState, { kind: 'foreign' }> }
  | { kind: 'seeded'; result: DemoSeedResult; movedAside: string | null };

export async function seedDemo(options: SeedDemoOptions): Promise<SeedDemoOutcome> {
  const log = options.log ?? ((line: string) => console.log(line));
  const state = inspectDataFolder(options.dataDir);
  let movedAside: string | null = null;
  if (state.kind === 'foreign') {
    const question =
      `${join(options.dataDir, 'maktab.sqlite')} holds data the demo seed did not create ` +
      `(${state.users} users, ${state.complaints} complaints; ${state.reason}).\n` +
      'Move it aside (renamed, not deleted) and put the demo data in its place? [y/N] ';
    const confirmed = options.yes || (await options.confirm(question));
    if (!confirmed) return { kind: 'refused', state };
    movedAside = moveAside(options.dataDir, new Date());
    log(`moved the existing database aside: ${movedAside}`);
  } else if (state.kind === 'seed-only') {
    for (const file of databaseFiles(options.dataDir)) rmSync(file, { force: true });
    log('replacing the previous demo database');
  }
  // 'empty': no database, or one without users or complaints; the seed starts with its first
  // administrator, as first-run set-up would.
  mkdirSync(options.dataDir, { recursive: true });
  const result = seedDemoRegister(options.dataDir, {
    ...(options.complaints !== undefined ? { complaints: options.complaints } : {}),
    ...(options.now !== undefined ? { now: options.now } : {}),
    onProgress: log,
  });
  const mark: SeedMark = {
    version: 1,
    seededAt: new Date().toISOString(),
    userIds: result.accounts.map((a) => a.id),
    complaintIds: result.complaintIds,
  };
  const db = openDatabase(join(options.dataDir, 'maktab.sqlite'));
  try {
    writeMeta(db, demoSeedKey, JSON.stringify(mark));
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  return { kind: 'seeded', result, movedAside };
}

/** y/N on the terminal; without one (CI, a pipe) nobody can confirm, so the answer is no. */
async function askOnTerminal(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const terminal = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^(y|yes)$/i.test((await terminal.question(question)).trim());
  } finally {
    terminal.close();
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const yes = args.includes('--yes');
  const countArg = args.find((arg) => arg.startsWith('--complaints='));
  const dataDir = resolve(process.env.MAKTAB_DATA_DIR ?? defaultDemoDir);
  console.log(`Demo data folder: ${dataDir}`);
  const outcome = await seedDemo({
    dataDir,
    yes,
    confirm: askOnTerminal,
    ...(countArg ? { complaints: Number(countArg.split('=')[1]) } : {}),
  });
  if (outcome.kind === 'refused') {
    console.error(
      'Refused: that folder holds a real database. Nothing was changed. Confirm at the prompt, ' +
        'pass --yes, or point MAKTAB_DATA_DIR at another folder.',
    );
    process.exitCode = 1;
    return;
  }
  const { result } = outcome;
  console.log(`\n${result.complaintIds.length} complaints by status:`);
  for (const [status, count] of Object.entries(result.byStatus))
    console.log(`  ${status}: ${count}`);
  console.log('\nAccounts (username / password / roles):');
  for (const a of result.accounts) {
    console.log(
      `  ${a.username.padEnd(20)} ${a.password.padEnd(20)} ${a.roles.join(', ')}  ${a.displayName}`,
    );
  }
  console.log(`\nStart the harness on it:\n  MAKTAB_DATA_DIR=${dataDir} npm run harness`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
