import { z } from 'zod';
import { articleStatusSchema } from '../articles/article-values';
import { lineSchema, textSchema } from './complaints.tables';
import { column, defineTable } from './define-table';

const editors = ['editor'] as const;
/** The editor publishes (DOMAIN.md); the director may approve or withdraw too. */
const publishers = ['editor', 'director'] as const;

export const articleTitleSchema = lineSchema(3, 200);
export const articleSummarySchema = textSchema(10, 600);
/** Within what one synced value may carry (shared/sync/protocol.ts). */
export const articleBodySchema = textSchema(20, 20_000);

/**
 * A news article in Arabic, French or both: a language appears on the website only with its title
 * and body. Revisions are the module's (an append-only table of its own).
 */
export const articlesTable = defineTable({
  name: 'articles',
  appendOnly: false,
  deleteRoles: ['editor'],
  columns: {
    title_ar: column('text', articleTitleSchema.nullable(), { write: editors }),
    title_fr: column('text', articleTitleSchema.nullable(), { write: editors }),
    summary_ar: column('text', articleSummarySchema.nullable(), { write: editors }),
    summary_fr: column('text', articleSummarySchema.nullable(), { write: editors }),
    body_ar: column('text', articleBodySchema.nullable(), { write: editors }),
    body_fr: column('text', articleBodySchema.nullable(), { write: editors }),
    status: column('text', articleStatusSchema, { write: publishers }),
    published_at: column('text', z.iso.datetime().nullable(), { write: publishers }),
    reviewed_by: column('text', z.uuid().nullable(), { write: publishers }),
    author_id: column('text', z.uuid(), { write: editors }),
    created_at: column('text', z.iso.datetime(), { write: editors }),
  },
});
