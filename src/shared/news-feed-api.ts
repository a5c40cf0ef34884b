import { z } from 'zod';

/**
 * The public news feed of published articles (issue 4, item 11), for the commune's website and
 * any feed reader: GET /api/v1/public/news.json and /api/v1/public/news.rss, without an account.
 */
export const newsJsonPath = '/public/news.json';
export const newsRssPath = '/public/news.rss';

export const newsLanguages = ['ar', 'fr'] as const;
export const newsLanguageSchema = z.enum(newsLanguages);
export type NewsLanguage = z.infer<typeof newsLanguageSchema>;

/** The feed's own texts, shown by the website and feed readers as they are (Arabic first). */
export const newsChannelTexts: Record<NewsLanguage, { title: string; description: string }> = {
  ar: {
    title: 'أخبار جماعة القصر الكبير',
    description: 'آخر أخبار جماعة القصر الكبير وأنشطتها، كما تنشرها الجماعة على موقعها الرسمي.',
  },
  fr: {
    title: 'Actualités de la Commune de Ksar El Kebir',
    description:
      'Les dernières nouvelles et activités de la Commune de Ksar El Kebir, publiées sur son site officiel.',
  },
};

export const defaultNewsLimit = 20;
export const maxNewsLimit = 50;

/** The app's row ids (uuid v7); the feed shows no row named otherwise. */
export const newsArticleIdSchema = z.string().regex(/^[0-9A-Za-z-]{1,60}$/);

/**
 * Where the next page starts: the publication time and id of the last article shown,
 * `2026-03-10T09:00:00.000Z_<id>`. Articles are ordered newest first, then by id.
 */
export const newsCursorSchema = z
  .string()
  .max(120)
  .regex(/^[^_]+_[^_]+$/)
  .transform((cursor, context) => {
    const [publishedAt = '', id = ''] = cursor.split('_');
    const publishedMs = z.iso.datetime().safeParse(publishedAt).success
      ? Date.parse(publishedAt)
      : Number.NaN;
    if (Number.isNaN(publishedMs) || !newsArticleIdSchema.safeParse(id).success) {
      context.addIssue({ code: 'custom', message: 'not a news cursor' });
      return z.NEVER;
    }
    return { publishedMs, id };
  });
export type NewsCursor = z.output<typeof newsCursorSchema>;

export function newsCursorOf(article: { publishedAt: string; id: string }): string {
  return `${article.publishedAt}_${article.id}`;
}

/** ?lang=ar|fr (Arabic when absent) &limit=1..50 (20) &before=<cursor>; nothing else. */
export const newsFeedQuerySchema = z.strictObject({
  lang: newsLanguageSchema.default('ar'),
  limit: z.coerce.number().int().min(1).max(maxNewsLimit).default(defaultNewsLimit),
  before: newsCursorSchema.optional(),
});
export type NewsFeedQuery = z.output<typeof newsFeedQuerySchema>;

/** One article in one language; the texts are plain text (line breaks kept), never HTML. */
export const newsItemSchema = z.object({
  id: newsArticleIdSchema,
  lang: newsLanguageSchema,
  title: z.string(),
  summary: z.string().nullable(),
  body: z.string(),
  publishedAt: z.iso.datetime(),
  /** The article's page on the commune's website. */
  link: z.url(),
});
export type NewsItem = z.infer<typeof newsItemSchema>;

export const newsFeedResponseSchema = z.object({
  lang: newsLanguageSchema,
  items: z.array(newsItemSchema),
  /** The `before` of the next (older) page; null on the last page. */
  nextBefore: z.string().nullable(),
});
export type NewsFeedResponse = z.infer<typeof newsFeedResponseSchema>;
