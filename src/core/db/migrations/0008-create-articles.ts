import type { Db } from '../connection';

/** News articles for the commune's website, in Arabic and French. */
export function up(db: Db): void {
  db.exec(`
    CREATE TABLE articles (
      id TEXT PRIMARY KEY,
      deleted INTEGER NOT NULL DEFAULT 0,
      title_ar TEXT,
      title_fr TEXT,
      summary_ar TEXT,
      summary_fr TEXT,
      body_ar TEXT,
      body_fr TEXT,
      status TEXT NOT NULL,
      published_at TEXT,
      reviewed_by TEXT,
      author_id TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX articles_published ON articles (published_at) WHERE status = 'published';
  `);
}
