import { createHash } from 'node:crypto';
import { z } from 'zod';
import {
  newsArticleIdSchema,
  newsCursorOf,
  type NewsFeedQuery,
  type NewsItem,
  type NewsLanguage,
} from '../../shared/news-feed-api';
import { deletedColumn } from '../../shared/sync/stored-values';
import { articlesTable } from '../../shared/tables/articles.tables';
import type { ServerDb } from '../db/server-db';
import { decodeCellValue } from '../sync/cell-values';

type ArticleColumn = keyof typeof articlesTable.columns;
const column = (name: ArticleColumn): string => name;
const languageColumns = (lang: NewsLanguage) => ({
  title: column(lang === 'ar' ? 'title_ar' : 'title_fr'),
  summary: column(lang === 'ar' ? 'summary_ar' : 'summary_fr'),
  body: column(lang === 'ar' ? 'body_ar' : 'body_fr'),
});

/** A published article, visible now in one language: where it sits in the feed. */
interface FeedEntry {
  id: string;
  publishedMs: number;
}

export interface NewsFeedState {
  /** Every article visible now in the asked language, newest first. */
  entries: FeedEntry[];
  /**
   * Changes with every change to an article shown (or no longer shown) and with every scheduled
   * publication; not with drafts, which the website must not learn of.
   */
  etag: string;
}

interface ArticleHeadRow {
  row_id: string;
  seq: number;
  status: string | null;
  deleted: string | null;
  published_at: string | null;
  has_title: boolean | null;
  has_body: boolean | null;
}

/** A cell's value; one the server could not have written reads as absent, not as a 500. */
function stored(text: string | null): unknown {
  if (text === null) return null;
  try {
    return decodeCellValue(text);
  } catch {
    return undefined;
  }
}
const isoDateTime = z.iso.datetime();

function publishedMsOf(text: string | null): number | null {
  const value = stored(text);
  if (typeof value !== 'string' || !isoDateTime.safeParse(value).success) return null;
  return Date.parse(value);
}

/** Newest first; the id breaks ties, so a cursor names one place in the order. */
const newestFirst = (a: FeedEntry, b: FeedEntry): number =>
  b.publishedMs - a.publishedMs || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/**
 * Which articles the feed shows now, read from the articles' cells in one pass: published, not
 * deleted, dated no later than now, with the title and body of the language. The ETag comes from
 * the articles shown, each with its latest change (an article withdrawn leaves the set, one edited
 * has a newer change), and the newest date shown (an article scheduled for later appears without
 * any change), with the feed's format and the website's address, which a new version or setting
 * of the server may change. Articles not shown take no part: editing a draft moves nothing.
 */
export async function newsFeedState(
  db: ServerDb,
  lang: NewsLanguage,
  nowMs: number,
  websiteUrl: string,
): Promise<NewsFeedState> {
  const texts = languageColumns(lang);
  const rows = await db.query<ArticleHeadRow>(
    `SELECT row_id, max(seq) AS seq,
            max(value) FILTER (WHERE col = $1) AS status,
            max(value) FILTER (WHERE col = $2) AS deleted,
            max(value) FILTER (WHERE col = $3) AS published_at,
            bool_or(col = $4 AND value <> 'null') AS has_title,
            bool_or(col = $5 AND value <> 'null') AS has_body
     FROM cells WHERE tbl = $6 GROUP BY row_id`,
    [
      column('status'),
      deletedColumn,
      column('published_at'),
      texts.title,
      texts.body,
      articlesTable.name,
    ],
  );
  const entries: FeedEntry[] = [];
  const latestChange = new Map<string, number>();
  for (const row of rows) {
    const publishedMs = publishedMsOf(row.published_at);
    const shown =
      stored(row.status) === 'published' &&
      stored(row.deleted) !== 1 &&
      row.has_title === true &&
      row.has_body === true &&
      publishedMs !== null &&
      publishedMs <= nowMs &&
      newsArticleIdSchema.safeParse(row.row_id).success;
    if (!shown) continue;
    entries.push({ id: row.row_id, publishedMs });
    latestChange.set(row.row_id, Number(row.seq));
  }
  entries.sort(newestFirst);
  const shownVersions = entries.map((entry) => `${entry.id}@${latestChange.get(entry.id)}`);
  const articles = createHash('sha256').update(shownVersions.join(',')).digest('hex').slice(0, 16);
  const setting = createHash('sha256').update(websiteUrl).digest('hex').slice(0, 8);
  const etag = `W/"news2-${articles}-${entries[0]?.publishedMs ?? 0}-${setting}"`;
  return { entries, etag };
}

/** Whether an If-None-Match header names this ETag (weak comparison, as RFC 9110 asks for GET). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => opaque(tag) === opaque(etag));
}

/** The website's news page in one language; each article's page is below it. */
export function websiteNewsLink(websiteUrl: string, lang: NewsLanguage): string {
  return `${websiteUrl}/${lang}/news`;
}

export function articleLink(websiteUrl: string, lang: NewsLanguage, id: string): string {
  return `${websiteNewsLink(websiteUrl, lang)}/${encodeURIComponent(id)}`;
}

export interface NewsPage {
  items: NewsItem[];
  nextBefore: string | null;
}

/** One page of the feed: the texts of the articles after the cursor, in the asked language. */
export async function newsFeedPage(
  db: ServerDb,
  state: NewsFeedState,
  query: NewsFeedQuery,
  websiteUrl: string,
): Promise<NewsPage> {
  const { lang, limit, before } = query;
  const after = before
    ? state.entries.filter(
        (entry) =>
          entry.publishedMs < before.publishedMs ||
          (entry.publishedMs === before.publishedMs && entry.id < before.id),
      )
    : state.entries;
  const shown = after.slice(0, limit);
  if (shown.length === 0) return { items: [], nextBefore: null };

  const texts = languageColumns(lang);
  const cells = await db.query<{ row_id: string; col: string; value: string }>(
    `SELECT row_id, col, value FROM cells
     WHERE tbl = $1 AND row_id = ANY($2::text[]) AND col = ANY($3::text[])`,
    [articlesTable.name, shown.map((entry) => entry.id), [texts.title, texts.summary, texts.body]],
  );
  const textOf = new Map(cells.map((cell) => [`${cell.row_id}/${cell.col}`, stored(cell.value)]));
  const text = (id: string, col: string): string | null => {
    const value = textOf.get(`${id}/${col}`);
    return typeof value === 'string' ? value : null;
  };

  const items: NewsItem[] = [];
  for (const entry of shown) {
    const title = text(entry.id, texts.title);
    const body = text(entry.id, texts.body);
    // Changed between the two reads: the next poll shows it as it is then.
    if (title === null || body === null) continue;
    items.push({
      id: entry.id,
      lang,
      title,
      summary: text(entry.id, texts.summary),
      body,
      publishedAt: new Date(entry.publishedMs).toISOString(),
      link: articleLink(websiteUrl, lang, entry.id),
    });
  }
  const last = shown.at(-1);
  const nextBefore =
    after.length > shown.length && last
      ? newsCursorOf({ publishedAt: new Date(last.publishedMs).toISOString(), id: last.id })
      : null;
  return { items, nextBefore };
}
