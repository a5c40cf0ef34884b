import { z } from 'zod';

/**
 * News articles for the commune's website (أخبار المدينة), in Arabic and French. An editor drafts,
 * a reviewer approves, and a published article appears in the public news feed (issue 4, item 11).
 */
export const articleStatuses = ['draft', 'in_review', 'published', 'withdrawn'] as const;
export const articleStatusSchema = z.enum(articleStatuses);
export type ArticleStatus = z.infer<typeof articleStatusSchema>;
