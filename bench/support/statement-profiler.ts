import type { Db } from '../../src/core/db/connection';

export interface StatementProfile {
  sql: string;
  calls: number;
  totalMs: number;
  maxMs: number;
  /** EXPLAIN QUERY PLAN with the arguments of the slowest call. */
  plan: string[];
}

type Method = 'all' | 'get' | 'run' | 'iterate';
const methods: readonly Method[] = ['all', 'get', 'run', 'iterate'];

interface Entry {
  calls: number;
  totalMs: number;
  maxMs: number;
  slowestArgs: unknown[];
}

/**
 * Times every statement prepared on a connection from now on, by SQL text, and explains the
 * slowest call of each: where a handler's time goes, without reading or changing its code. For a
 * diagnostic pass only: the wrapping costs a little on every call.
 */
export class StatementProfiler {
  private readonly entries = new Map<string, Entry>();
  private readonly prepare: Db['prepare'];
  private recording = true;

  constructor(private readonly db: Db) {
    this.prepare = db.prepare.bind(db);
    db.prepare = ((sql: string) => this.wrap(sql, this.prepare(sql))) as Db['prepare'];
  }

  private wrap(sql: string, statement: ReturnType<Db['prepare']>): ReturnType<Db['prepare']> {
    const target = statement as unknown as Record<Method, (...args: unknown[]) => unknown>;
    for (const method of methods) {
      const original = target[method].bind(statement);
      target[method] = (...args: unknown[]) => {
        const start = performance.now();
        try {
          return original(...args);
        } finally {
          if (this.recording) this.record(sql, performance.now() - start, args);
        }
      };
    }
    return statement;
  }

  private record(sql: string, elapsed: number, args: unknown[]): void {
    let entry = this.entries.get(sql);
    if (!entry) {
      entry = { calls: 0, totalMs: 0, maxMs: 0, slowestArgs: args };
      this.entries.set(sql, entry);
    }
    entry.calls += 1;
    entry.totalMs += elapsed;
    if (elapsed >= entry.maxMs) {
      entry.maxMs = elapsed;
      entry.slowestArgs = args;
    }
  }

  reset(): void {
    this.entries.clear();
  }

  /** The statements run since the last reset, the most time-consuming first. */
  profiles(): StatementProfile[] {
    this.recording = false;
    try {
      return [...this.entries.entries()]
        .map(([sql, entry]) => ({
          sql: sql.replace(/\s+/g, ' ').trim(),
          calls: entry.calls,
          totalMs: entry.totalMs,
          maxMs: entry.maxMs,
          plan: this.explain(sql, entry.slowestArgs),
        }))
        .sort((a, b) => b.totalMs - a.totalMs);
    } finally {
      this.recording = true;
    }
  }

  private explain(sql: string, args: unknown[]): string[] {
    if (!/^\s*(SELECT|WITH)/i.test(sql)) return [];
    try {
      const rows = this.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as {
        id: number;
        parent: number;
        detail: string;
      }[];
      const depth = new Map<number, number>([[0, 0]]);
      return rows.map((row) => {
        const level = (depth.get(row.parent) ?? 0) + 1;
        depth.set(row.id, level);
        return `${'  '.repeat(level - 1)}${row.detail}`;
      });
    } catch (error) {
      return [`(no plan: ${error instanceof Error ? error.message : String(error)})`];
    }
  }
}
