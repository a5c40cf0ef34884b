import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { SaxesParser } from 'saxes';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/ids/uuidv7';
import {
  newsChannelTexts,
  newsFeedResponseSchema,
  type NewsFeedResponse,
} from '../../shared/news-feed-api';
import { apiPrefix, type SyncChange } from '../../shared/sync/protocol';
import { deletedColumn } from '../../shared/sync/stored-values';
import { articlesTable } from '../../shared/tables/articles.tables';
import { ManualClock, seedUser, testServer, TestDevice } from '../testing/test-clients';
import { describeOnBackends, emptyServerDb } from '../testing/test-databases';
import { etagMatches } from './news-feed';
import { newsCacheControl, newsLimit } from './news-feed-routes';
import { xmlAttribute, xmlText } from './rss';

/** The commune's own article (أخبار المدينة): a labelled title line, then the text. */
const seedText = readFileSync(
  join(import.meta.dirname, '../../../resources/demo/seed-article-ar.txt'),
  'utf8',
);
const [firstLine = '', ...rest] = seedText.split('\n');
const seedTitle = firstLine.replace(/^العنوان:\s*/, '').trim();
const seedBody = rest.join('\n').trim();

interface XmlElement {
  name: string;
  uri: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** A strict XML 1.0 parser with namespaces (saxes, already here through exceljs): throws on any fault. */
function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const document: XmlElement = { name: '', uri: '', attributes: {}, children: [], text: '' };
  const open = [document];
  const current = () => open[open.length - 1] ?? document;
  parser.on('opentag', (tag) => {
    const element: XmlElement = {
      name: tag.name,
      uri: tag.uri,
      attributes: Object.fromEntries(Object.entries(tag.attributes).map(([k, a]) => [k, a.value])),
      children: [],
      text: '',
    };
    current().children.push(element);
    open.push(element);
  });
  parser.on('closetag', () => void open.pop());
  parser.on('text', (text) => {
    current().text += text;
  });
  parser.write(xml).close();
  expect(document.children).toHaveLength(1);
  return document.children[0] as XmlElement;
}

const child = (element: XmlElement | undefined, name: string): XmlElement | undefined =>
  element?.children.find((c) => c.name === name);
const children = (element: XmlElement | undefined, name: string): XmlElement[] =>
  element?.children.filter((c) => c.name === name) ?? [];

describe('xmlText', () => {
  it('escapes markup and quotes, keeps a carriage return, and drops what XML cannot carry', () => {
    const nasty = `"Salle" & <b>'x'</b> ]]> a\u0001b\u0085c\ufffed\ud800e\r\nf\t𝕏 ك`;
    const xml = `<t a="${xmlAttribute(nasty)}">${xmlText(nasty)}</t>`;
    const parsed = parseXml(xml);
    const expected = `"Salle" & <b>'x'</b> ]]> abcde\r\nf\t𝕏 ك`;
    expect(parsed.text).toBe(expected);
    // A parser turns an attribute's line breaks into spaces: written as references, they survive.
    expect(parsed.attributes.a).toBe(expected);
  });
});

describe('etagMatches', () => {
  it('compares weakly, in a list, and with *', () => {
    const etag = 'W/"news1-5-0-abc"';
    expect(etagMatches(undefined, etag)).toBe(false);
    expect(etagMatches('"news1-5-0-abc"', etag)).toBe(true);
    expect(etagMatches('"x", W/"news1-5-0-abc"', etag)).toBe(true);
    expect(etagMatches('*', etag)).toBe(true);
    expect(etagMatches('W/"news1-6-0-abc"', etag)).toBe(false);
  });
});

const minute = 60_000;

describeOnBackends('the public news feed', (backend) => {
  let app: FastifyInstance;
  let clock: ManualClock;
  let editor: TestDevice;

  beforeAll(async () => {
    const db = backend.db();
    await emptyServerDb(db);
    clock = new ManualClock();
    app = await testServer(db, clock);
    await seedUser(db, { username: 'editor', roles: ['editor'] }, clock.ms);
    clock.advance(1000);
    editor = await TestDevice.signIn(app, 'editor', clock.now);
    return () => app.close();
  });

  beforeEach(async () => {
    await backend.db().query(`DELETE FROM cells WHERE tbl = 'articles'`);
    await backend.db().query('TRUNCATE public_rate_limits');
  });

  /** The website's calls: no protocol header, no token. */
  const call = (options: InjectOptions) =>
    app.inject({ method: 'GET', remoteAddress: '198.51.100.7', ...options });
  const feedJson = (query: Record<string, string> = {}, headers: Record<string, string> = {}) =>
    call({ url: `${apiPrefix}/public/news.json`, query, headers });
  const feedRss = (query: Record<string, string> = {}, headers: Record<string, string> = {}) =>
    call({ url: `${apiPrefix}/public/news.rss`, query, headers });

  async function itemsOf(query: Record<string, string> = {}): Promise<NewsFeedResponse> {
    const response = await feedJson(query);
    expect(response.statusCode, response.body).toBe(200);
    return newsFeedResponseSchema.parse(response.json());
  }

  async function push(changes: SyncChange[]): Promise<void> {
    const results = await editor.pushOk(changes);
    expect(results.filter((r) => r.status !== 'accepted')).toEqual([]);
  }

  const iso = (ms: number) => new Date(ms).toISOString();

  /** An article as the editor's app writes it, then (unless a draft) its publication. */
  async function article(
    values: Partial<Record<keyof typeof articlesTable.columns, unknown>>,
  ): Promise<string> {
    const id = uuidv7(clock.ms);
    clock.advance(10);
    const { status = 'published', published_at = iso(clock.ms - minute), ...texts } = values;
    await push(
      editor.insert(
        articlesTable,
        {
          title_ar: 'اجتماع المجلس الجماعي',
          body_ar: 'انعقدت الدورة العادية للمجلس الجماعي بمقر الجماعة.',
          author_id: editor.userId,
          created_at: iso(clock.ms),
          ...texts,
          status: 'draft',
          published_at: null,
        },
        id,
      ),
    );
    if (status !== 'draft')
      await push([
        editor.change(articlesTable, id, 'status', status),
        editor.change(articlesTable, id, 'published_at', published_at),
      ]);
    return id;
  }

  it("shows the commune's article in Arabic, text for text, once it is published", async () => {
    const id = await article({ title_ar: seedTitle, body_ar: seedBody, status: 'draft' });
    expect((await itemsOf()).items).toEqual([]);

    const publishedAt = iso(clock.ms);
    await push([
      editor.change(articlesTable, id, 'status', 'published'),
      editor.change(articlesTable, id, 'published_at', publishedAt),
    ]);
    const response = await feedJson();
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.headers['cache-control']).toBe(newsCacheControl);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers.etag).toMatch(/^W\/".+"$/);
    expect(newsFeedResponseSchema.parse(response.json())).toEqual({
      lang: 'ar',
      items: [
        {
          id,
          lang: 'ar',
          title: seedTitle,
          summary: null,
          body: seedBody,
          publishedAt,
          link: `https://www.ksarelkebir.ma/ar/news/${id}`,
        },
      ],
      nextBefore: null,
    });
    expect(seedTitle).toMatch(/^الورشة التشاركية للخدمة المحلية للطاقة و المناخ/);
    expect(seedBody.length).toBeGreaterThan(4000);
    expect(await itemsOf({ lang: 'ar' })).toEqual(await itemsOf());
    // No French text: not in the French feed.
    expect((await itemsOf({ lang: 'fr' })).items).toEqual([]);
  });

  it('serves it as well-formed RSS 2.0 whose text reads back exactly', async () => {
    const id = await article({ title_ar: seedTitle, body_ar: seedBody });
    const quoted = await article({
      title_ar: null,
      body_ar: null,
      title_fr: 'Conseil & "budget" <2026>',
      summary_fr: "L'ordre du jour : <b>budget</b> & projets ]]> d'équipement.",
      body_fr: 'Le conseil a adopté le budget.\r\nSuite du texte.',
    });

    const response = await feedRss({ lang: 'ar' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers['cache-control']).toBe(newsCacheControl);
    const rss = parseXml(response.body);
    expect(rss.name).toBe('rss');
    expect(rss.attributes.version).toBe('2.0');
    const channel = child(rss, 'channel');
    expect(child(channel, 'title')?.text).toBe(newsChannelTexts.ar.title);
    expect(child(channel, 'description')?.text).toBe(newsChannelTexts.ar.description);
    expect(child(channel, 'language')?.text).toBe('ar-MA');
    expect(child(channel, 'link')?.text).toBe('https://www.ksarelkebir.ma/ar/news');
    const self = child(channel, 'atom:link');
    expect(self?.uri).toBe('http://www.w3.org/2005/Atom');
    expect(self?.attributes).toEqual({
      href: 'http://localhost:80/api/v1/public/news.rss?lang=ar',
      rel: 'self',
      type: 'application/rss+xml',
    });
    const items = children(channel, 'item');
    expect(items).toHaveLength(1);
    const [item] = items;
    expect(child(item, 'title')?.text).toBe(seedTitle);
    expect(child(item, 'description')?.text).toBe(seedBody);
    expect(child(item, 'link')?.text).toBe(`https://www.ksarelkebir.ma/ar/news/${id}`);
    const guid = child(item, 'guid');
    expect(guid?.text).toBe(id);
    expect(guid?.attributes).toEqual({ isPermaLink: 'false' });
    const [jsonItem] = (await itemsOf()).items;
    const pubDate = child(item, 'pubDate')?.text ?? '';
    expect(pubDate).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
    // RFC 822 counts whole seconds.
    const publishedMs = Date.parse(jsonItem?.publishedAt ?? '');
    expect(Date.parse(pubDate)).toBe(publishedMs - (publishedMs % 1000));
    expect(child(channel, 'lastBuildDate')?.text).toBe(pubDate);

    const french = parseXml((await feedRss({ lang: 'fr', limit: '5' })).body);
    const frenchChannel = child(french, 'channel');
    expect(child(frenchChannel, 'language')?.text).toBe('fr-MA');
    expect(child(frenchChannel, 'title')?.text).toBe(newsChannelTexts.fr.title);
    expect(child(frenchChannel, 'atom:link')?.attributes.href).toBe(
      'http://localhost:80/api/v1/public/news.rss?lang=fr&limit=5',
    );
    const [frenchItem, ...none] = children(frenchChannel, 'item');
    expect(none).toEqual([]);
    expect(child(frenchItem, 'guid')?.text).toBe(quoted);
    expect(child(frenchItem, 'title')?.text).toBe('Conseil & "budget" <2026>');
    // With a summary, the summary is the description; the JSON carries the whole text.
    expect(child(frenchItem, 'description')?.text).toBe(
      "L'ordre du jour : <b>budget</b> & projets ]]> d'équipement.",
    );
    expect((await itemsOf({ lang: 'fr' })).items[0]?.body).toBe(
      'Le conseil a adopté le budget.\r\nSuite du texte.',
    );

    // An empty feed is a feed too.
    await backend.db().query(`DELETE FROM cells WHERE tbl = 'articles'`);
    const empty = parseXml((await feedRss()).body);
    expect(children(child(empty, 'channel'), 'item')).toEqual([]);
  });

  it('shows only published, live, dated, due articles with the asked language', async () => {
    const shown = await article({
      title_fr: 'Séance du conseil',
      body_fr: 'Le conseil communal a siégé en session ordinaire.',
    });
    await article({ status: 'draft' });
    await article({ status: 'in_review' });
    await article({ status: 'withdrawn' });
    await article({ status: 'published', published_at: null });
    const deleted = await article({});
    await push([editor.change(articlesTable, deleted, deletedColumn, 1)]);
    const withdrawnLater = await article({});
    await push([editor.change(articlesTable, withdrawnLater, 'status', 'withdrawn')]);
    const future = await article({ published_at: iso(clock.ms + 30 * minute) });
    const arabicOnly = await article({});
    const frenchOnly = await article({
      title_ar: null,
      body_ar: null,
      title_fr: 'Fête du Trône',
      body_fr: 'La commune célèbre la fête du Trône.',
    });
    // A title without its body is not an article yet in that language.
    await article({ title_ar: 'عنوان بلا نص', body_ar: null });

    const ids = async (lang: string) => (await itemsOf({ lang })).items.map((item) => item.id);
    const arabicBefore = await ids('ar');
    expect(arabicBefore.sort()).toEqual([shown, arabicOnly].sort());
    expect(new Set(await ids('fr'))).toEqual(new Set([shown, frenchOnly]));
    // The newest, body-less one takes no place in a page either.
    const page = await itemsOf({ limit: '2' });
    expect(page.items).toHaveLength(2);
    expect(page.nextBefore).toBeNull();

    const before = await feedJson();
    clock.advance(31 * minute);
    const after = await feedJson();
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(newsFeedResponseSchema.parse(after.json()).items[0]?.id).toBe(future);
    expect((await ids('ar')).sort()).toEqual([shown, arabicOnly, future].sort());
  });

  it('pages newest first with `before`, ties broken by id', async () => {
    const base = clock.ms;
    const same = iso(base - 5 * minute);
    const created: { id: string; publishedAt: string }[] = [];
    for (const offset of [9, 5, 5, 5, 7, 1, 3]) {
      const publishedAt = offset === 5 ? same : iso(base - offset * minute);
      created.push({ id: await article({ published_at: publishedAt }), publishedAt });
    }
    const expected = created
      .sort((a, b) =>
        a.publishedAt === b.publishedAt
          ? Number(b.id > a.id) - Number(b.id < a.id)
          : Date.parse(b.publishedAt) - Date.parse(a.publishedAt),
      )
      .map((entry) => entry.id);

    const seen: string[] = [];
    let before: string | null = null;
    let pages = 0;
    do {
      const query: Record<string, string> = { limit: '2' };
      if (before !== null) query.before = before;
      const page = await itemsOf(query);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((item) => item.id));
      before = page.nextBefore;
      pages += 1;
    } while (before !== null && pages < 10);
    expect(pages).toBe(4);
    expect(seen).toEqual(expected);
    expect((await itemsOf({ limit: '50' })).items.map((item) => item.id)).toEqual(expected);
    expect((await itemsOf()).nextBefore).toBeNull();
    // A cursor past the end is an empty page, not an error.
    expect((await itemsOf({ before: `2000-01-01T00:00:00.000Z_${expected[0]}` })).items).toEqual(
      [],
    );
  });

  it('answers 304 to the ETag it gave until an article changes', async () => {
    const first = await article({});
    const second = await article({});
    for (const feed of [feedJson, feedRss]) {
      const fresh = await feed();
      const etag = fresh.headers.etag as string;
      const again = await feed({}, { 'if-none-match': etag });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
      expect(again.headers.etag).toBe(etag);
      expect(again.headers['cache-control']).toBe(newsCacheControl);
      expect(again.headers['access-control-allow-origin']).toBe('*');
      expect((await feed({}, { 'if-none-match': 'W/"other"' })).statusCode).toBe(200);
    }
    const etag = (await feedJson()).headers.etag as string;
    const head = await call({ method: 'HEAD', url: `${apiPrefix}/public/news.rss` });
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers.etag).toBe(etag);
    // Withdrawing the older article changes the feed, though not its newest date.
    await push([editor.change(articlesTable, first, 'status', 'withdrawn')]);
    const changed = await feedJson({}, { 'if-none-match': etag });
    expect(changed.statusCode).toBe(200);
    expect(newsFeedResponseSchema.parse(changed.json()).items.map((i) => i.id)).toEqual([second]);
    const etag2 = changed.headers.etag as string;
    await push([editor.change(articlesTable, second, 'title_ar', 'عنوان مصحح للخبر')]);
    const edited = await feedJson({}, { 'if-none-match': etag2 });
    expect(edited.statusCode).toBe(200);
    expect(newsFeedResponseSchema.parse(edited.json()).items[0]?.title).toBe('عنوان مصحح للخبر');
  });

  it('keeps its ETag while an unpublished draft is edited', async () => {
    await article({});
    const before = await feedJson();
    expect(before.statusCode, before.body).toBe(200);
    const etag = before.headers.etag as string;

    // The editor works on an article nobody outside may know of yet.
    const draft = await article({ title_ar: 'مشروع: إغلاق السوق الأسبوعي', status: 'draft' });
    await push([editor.change(articlesTable, draft, 'body_ar', 'مسودة داخلية لم تنشر بعد.')]);
    // Withdrawn before it was ever shown: nothing to tell the website either.
    await push([editor.change(articlesTable, draft, 'status', 'withdrawn')]);
    for (const feed of [feedJson, feedRss]) {
      const after = await feed({}, { 'if-none-match': etag });
      // The feed shows the same: the website's cache stays valid and learns nothing of the draft.
      expect(after.statusCode).toBe(304);
      expect(after.headers.etag).toBe(etag);
    }
    // The French feed shows nothing, before and after: its ETag stays too.
    const french = (await feedJson({ lang: 'fr' })).headers.etag as string;
    await push([editor.change(articlesTable, draft, 'title_fr', 'Projet interne')]);
    expect((await feedJson({ lang: 'fr' }, { 'if-none-match': french })).statusCode).toBe(304);
  });

  it('refuses malformed queries with 400, never a 5xx, with CORS', async () => {
    await article({});
    const id = uuidv7();
    const malformed = [
      'lang=xx',
      'lang=',
      'lang=AR',
      'lang=ar&lang=fr',
      'limit=0',
      'limit=51',
      'limit=1000',
      'limit=-1',
      'limit=2.5',
      'limit=abc',
      'limit=',
      'limit=1&limit=2',
      'before=yesterday',
      'before=',
      `before=2026-13-45T00:00:00Z_${id}`,
      `before=2026-03-10T09:00:00Z_${'a'.repeat(61)}`,
      `before=2026-03-10T09:00:00Z_${id}_x`,
      `before=2026-03-10T09:00:00%2B01:00_${id}`,
      `before=2026-03-10T09:00:00Z_ab%00cd`,
      `before=2026-03-10T09:00:00Z_%D8%B9`,
      `before=${'9'.repeat(5000)}`,
      'foo=1',
      '_=1700000000000',
      'lang=ar&secret=x',
    ];
    for (const path of ['news.json', 'news.rss'])
      for (const query of malformed) {
        const response = await call({ url: `${apiPrefix}/public/${path}?${query}` });
        expect(response.statusCode, `${path}?${query}: ${response.body}`).toBe(400);
        expect(response.json()).toMatchObject({ error: { code: 'VALIDATION' } });
        expect(response.headers['access-control-allow-origin']).toBe('*');
      }
    const good = await call({
      url: `${apiPrefix}/public/news.json?lang=fr&limit=50&before=2999-01-01T00:00:00Z_${id}`,
    });
    expect(good.statusCode, good.body).toBe(200);
  });

  it('answers any query 200, 304 or 4xx, never a 5xx', async () => {
    await article({});
    const cursor = (await itemsOf({ limit: '1' })).nextBefore ?? '';
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('news.json', 'news.rss'),
        fc.dictionary(
          fc.constantFrom('lang', 'limit', 'before', 'x', 'lang[]'),
          fc.oneof(
            fc.constantFrom('ar', 'fr', '1', '50', '51', cursor, `${cursor}0`),
            fc.string({ unit: 'binary', maxLength: 130 }),
          ),
        ),
        fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
        fc.ipV4(),
        async (path, query, ifNoneMatch, remoteAddress) => {
          const response = await call({
            url: `${apiPrefix}/public/${path}`,
            query,
            headers: ifNoneMatch === undefined ? {} : { 'if-none-match': ifNoneMatch },
            remoteAddress,
          });
          const status = response.statusCode;
          if (status === 200 || status === 304) return;
          expect(status, JSON.stringify({ path, query })).toBe(400);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('limits each address, with Retry-After', async () => {
    await backend
      .db()
      .query(`INSERT INTO public_rate_limits (key, window_start, hits) VALUES ($1, $2, $3)`, [
        `${newsLimit.action}:198.51.100.7`,
        new Date(clock.ms),
        newsLimit.limit - 1,
      ]);
    expect((await feedJson()).statusCode).toBe(200);
    const refused = await feedRss();
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('3600');
    expect(refused.headers['access-control-allow-origin']).toBe('*');
    const other = await call({ url: `${apiPrefix}/public/news.rss`, remoteAddress: '203.0.113.9' });
    expect(other.statusCode).toBe(200);
  });

  it('is documented in the OpenAPI document, under public', async () => {
    const response = await app.inject({ method: 'GET', url: '/docs/json' });
    type Operation = { tags?: string[]; responses?: Record<string, { content?: object }> };
    const { paths } = response.json<{ paths: Record<string, { get?: Operation }> }>();
    const json = paths[`${apiPrefix}/public/news.json`]?.get;
    const rss = paths[`${apiPrefix}/public/news.rss`]?.get;
    expect(json?.tags).toEqual(['public']);
    expect(rss?.tags).toEqual(['public']);
    expect(Object.keys(json?.responses ?? {}).sort()).toEqual(['200', '304', '400', '429']);
    expect(Object.keys(rss?.responses?.['200']?.content ?? {})).toEqual(['application/rss+xml']);
  });

  it('lets a page on another origin ask first (the public preflight)', async () => {
    const response = await call({ method: 'OPTIONS', url: `${apiPrefix}/public/news.json` });
    expect(response.statusCode).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(String(response.headers['access-control-allow-methods'])).toContain('GET');
  });
});
