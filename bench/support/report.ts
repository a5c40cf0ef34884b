import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const benchDir = join(import.meta.dirname, '..');
export const projectRoot = join(benchDir, '..');
export const resultsDir = join(benchDir, 'results');

export interface Summary {
  median: number;
  min: number;
  max: number;
  samples: number[];
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1
      ? (sorted[middle] ?? 0)
      : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return {
    median,
    min: sorted[0] ?? 0,
    max: sorted[sorted.length - 1] ?? 0,
    samples: [...samples],
  };
}

/** Milliseconds spent in `work`, with the high-resolution clock. */
export function timeSync<T>(work: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = work();
  return { ms: performance.now() - start, value };
}

export function ms(value: number): string {
  return value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(1)} ms`;
}

export function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

export function ratio(value: number, baseline: number): string {
  return baseline > 0 ? `${(value / baseline).toFixed(1)}x` : 'n/a';
}

/** A verdict against a target: benchmarks report, they never fail on a missed target. */
export function verdict(value: number, target: number): string {
  return value <= target ? 'met' : 'MISSED';
}

export type Cell = string | number;

/** Prints rows as an aligned plain-text table. */
export function printTable(
  title: string,
  header: readonly string[],
  rows: readonly Cell[][],
): void {
  const text = [header, ...rows].map((row) => row.map(String));
  const widths = header.map((_, i) => Math.max(...text.map((row) => (row[i] ?? '').length)));
  const line = (row: string[]): string =>
    row
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  console.log(`\n${title}`);
  console.log(line(text[0] ?? []));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of text.slice(1)) console.log(line(row));
}

export interface Environment {
  at: string;
  node: string;
  platform: string;
  cpu: string;
  cores: number;
  memoryMb: number;
  loadAverage: number[];
  commit: string | null;
}

export function environment(): Environment {
  let commit: string | null;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .toString()
      .trim();
  } catch {
    commit = null;
  }
  return {
    at: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryMb: Math.round(totalmem() / 1024 / 1024),
    loadAverage: loadavg().map((n) => Math.round(n * 100) / 100),
    commit,
  };
}

/** Writes `bench/results/<name>-<stamp>.json` and `<name>-latest.json`; returns the first path. */
export function writeResult(name: string, result: unknown): string {
  mkdirSync(resultsDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const body = `${JSON.stringify({ benchmark: name, environment: environment(), result }, null, 2)}\n`;
  const file = join(resultsDir, `${name}-${stamp}.json`);
  writeFileSync(file, body);
  writeFileSync(join(resultsDir, `${name}-latest.json`), body);
  return file;
}

/** True when this module is the script node was started with (`npx tsx bench/x.ts`). */
export function isEntryPoint(moduleUrl: string): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  return fileURLToPath(moduleUrl).replace(/\.ts$/, '') === resolve(entry).replace(/\.ts$/, '');
}
