import { expect, it } from 'vitest';
import { insertFile, sha256Of } from '../files/file-store';
import { describeOnBackends, emptyServerDb } from './test-databases';

describeOnBackends('emptyServerDb', (backend) => {
  async function rowsPerTable(): Promise<Record<string, number>> {
    const db = backend.db();
    const tables = await db.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()`,
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables) {
      const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${name}`);
      counts[name] = row?.n ?? 0;
    }
    return counts;
  }

  it('empties every table the migrations made, files and public ones included, not their record', async () => {
    const db = backend.db();
    const bytes = Buffer.from('%PDF-1.7\n\x00\xff scan');
    await insertFile(db, sha256Of(bytes), 'application/pdf', bytes, Date.now());
    await db.query(
      `INSERT INTO public_submissions (tracking, tbl, row_id, secret_hash, created_at)
       VALUES ('WEB-2026-0001', 'complaints', 'r', 'h', now())`,
    );
    await db.query(
      `INSERT INTO public_rate_limits (key, window_start, hits) VALUES ('a', now(), 1)`,
    );
    const before = await rowsPerTable();
    expect(before).toMatchObject({ files: 1, public_submissions: 1, public_rate_limits: 1 });
    await emptyServerDb(db);
    const after = await rowsPerTable();
    const { server_migrations: migrations, ...others } = after;
    expect(migrations).toBe(before.server_migrations);
    expect(migrations).toBeGreaterThan(0);
    expect(Object.values(others).every((count) => count === 0)).toBe(true);
    expect(Object.keys(others)).toEqual(expect.arrayContaining(['files', 'file_uploads', 'cells']));
  });
});
