import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../src/core/db/connection';
import { runMigrations } from '../../src/core/db/migrate';
import { migrations } from '../../src/core/db/migrations';
import { Mutations, type Actor } from '../../src/core/db/mutations';
import { readMeta, writeMeta } from '../../src/core/settings/local-settings';
import { uuidv7 } from '../../src/shared/ids/uuidv7';
import { HybridLogicalClock } from '../../src/shared/sync/hlc';
import { projectRoot, resultsDir } from '../support/report';
import { Random } from './random';

/** A wall clock the generator moves through simulated months of work. */
export class SimulatedClock {
  constructor(public ms: number) {}
  readonly now = (): number => this.ms;
  /** Moves forward only: the hybrid logical clock never goes back anyway. */
  set(ms: number): void {
    if (ms > this.ms) this.ms = ms;
  }
}

export interface BenchDatabaseOptions {
  seed: number;
  /** Simulated time of the first write. */
  startAt: number;
}

/**
 * A database file built the way the app builds it: the app's migrations, a device identity as core
 * writes it, and every synced write through core's Mutations (row + one change per column + audit),
 * stamped with a hybrid logical clock that follows simulated time. Writes are grouped in large
 * transactions, which is the only shortcut taken.
 */
export class BenchDatabase {
  readonly random: Random;
  readonly time: SimulatedClock;
  readonly deviceId: string;
  readonly tablesWritten = new Set<string>();
  private readonly clock: HybridLogicalClock;
  private readonly writers = new Map<string, Mutations>();

  private constructor(
    readonly db: Db,
    options: BenchDatabaseOptions,
  ) {
    this.random = new Random(options.seed);
    this.time = new SimulatedClock(options.startAt);
    runMigrations(db);
    // The same identity core's start-up writes (src/core/core.ts, deviceIdentity).
    let deviceId = readMeta(db, 'device_id');
    let node = readMeta(db, 'hlc_node');
    if (!deviceId || !node) {
      deviceId = uuidv7(options.startAt);
      node = deviceId.replace(/-/g, '').slice(-16);
      writeMeta(db, 'device_id', deviceId);
      writeMeta(db, 'hlc_node', node);
    }
    this.deviceId = deviceId;
    const last = (db.prepare('SELECT max(hlc) AS hlc FROM changes').get() as { hlc: string | null })
      .hlc;
    this.clock = new HybridLogicalClock({ node, wallClock: this.time.now, last });
  }

  /** Creates a new database file (refuses to write over an existing one). */
  static create(file: string, options: BenchDatabaseOptions): BenchDatabase {
    if (existsSync(file)) throw new Error(`${file} already exists`);
    return new BenchDatabase(openDatabase(file), options);
  }

  /** The mutation path as `actor` would use it; one writer per actor, reused across batches. */
  writerFor(actor: Actor): Mutations {
    const key = actor.kind === 'user' ? actor.userId : 'system';
    let writer = this.writers.get(key);
    if (!writer) {
      writer = new Mutations({
        db: this.db,
        clock: this.clock,
        deviceId: this.deviceId,
        actor,
        now: () => new Date(this.time.ms),
        onTableWritten: (table) => this.tablesWritten.add(table),
      });
      this.writers.set(key, writer);
    }
    return writer;
  }

  /** Forgets the writer of a user whose roles changed, so the next write checks the new roles. */
  forgetWriter(userId: string): void {
    this.writers.delete(userId);
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  /** Calls `write(i)` for i in [0, total), `batchSize` calls per transaction. */
  inBatches(
    total: number,
    batchSize: number,
    write: (index: number) => void,
    onBatch?: (done: number) => void,
  ): void {
    for (let start = 0; start < total; start += batchSize) {
      const end = Math.min(total, start + batchSize);
      this.transaction(() => {
        for (let i = start; i < end; i++) write(i);
      });
      onBatch?.(end);
    }
  }

  count(table: string): number {
    return (this.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  }

  /** Folds the WAL into the file and closes it, as the app leaves it after a clean quit. */
  close(): void {
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.db.close();
  }
}

export interface GeneratedDatabase {
  /** The pristine generated file; copy it before opening it with core (core writes backups). */
  file: string;
  fromCache: boolean;
  generationMs: number;
  sizeBytes: number;
  counts: Record<string, number>;
}

interface CacheManifest {
  key: string;
  spec: unknown;
  generationMs: number;
  counts: Record<string, number>;
}

export const cacheDir = join(resultsDir, 'cache');

/** The migrations and table declarations as they are now: an edit to either regenerates. */
function schemaFingerprint(): string {
  const hash = createHash('sha256').update(String(migrations.length));
  for (const dir of ['src/core/db/migrations', 'src/shared/tables']) {
    for (const name of readdirSync(join(projectRoot, dir)).sort()) {
      if (name.endsWith('.ts'))
        hash.update(name).update(readFileSync(join(projectRoot, dir, name)));
    }
  }
  return hash.digest('hex');
}

/**
 * Generates a database once per distinct spec and keeps it in bench/results/cache (gitignored).
 * The key covers the spec (with its generator version) and the app's migrations and table
 * declarations, so a schema change regenerates. `fresh` (or BENCH_FRESH=1) regenerates anyway.
 */
export function cachedDatabase(
  name: string,
  spec: { generatorVersion: number; [key: string]: unknown },
  generate: (file: string) => Record<string, number>,
  options: { fresh?: boolean } = {},
): GeneratedDatabase {
  const key = createHash('sha256')
    .update(JSON.stringify({ spec, schema: schemaFingerprint() }))
    .digest('hex')
    .slice(0, 12);
  const dir = join(cacheDir, `${name}-${key}`);
  const file = join(dir, 'maktab.sqlite');
  const manifestFile = join(dir, 'manifest.json');
  const fresh = options.fresh ?? process.env.BENCH_FRESH === '1';
  if (!fresh && existsSync(file) && existsSync(manifestFile)) {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as CacheManifest;
    return {
      file,
      fromCache: true,
      generationMs: manifest.generationMs,
      sizeBytes: statSync(file).size,
      counts: manifest.counts,
    };
  }
  rmSync(dir, { recursive: true, force: true });
  const building = `${dir}.building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  const start = performance.now();
  const counts = generate(join(building, 'maktab.sqlite'));
  const generationMs = performance.now() - start;
  const manifest: CacheManifest = { key, spec, generationMs, counts };
  writeFileSync(join(building, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  renameSync(building, dir);
  // Older generations of the same dataset are stale now: they can be large, so they go.
  for (const entry of readdirSync(cacheDir)) {
    if (
      entry.startsWith(`${name}-`) &&
      join(cacheDir, entry) !== dir &&
      !entry.includes('.building-')
    ) {
      rmSync(join(cacheDir, entry), { recursive: true, force: true });
    }
  }
  return { file, fromCache: false, generationMs, sizeBytes: statSync(file).size, counts };
}

/** Puts a copy of a generated database into `dataDir` as the app's database file. */
export function installDatabase(generatedFile: string, dataDir: string): string {
  mkdirSync(dataDir, { recursive: true });
  const target = join(dataDir, 'maktab.sqlite');
  copyFileSync(generatedFile, target);
  return target;
}
