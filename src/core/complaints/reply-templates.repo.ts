import type { ReplyTemplateRow } from '../../shared/api/procedures/complaints.procedures';
import { replyTemplatesTable } from '../../shared/tables/complaints.tables';
import { statement, type Db } from '../db/connection';
import { rowFromStorage } from '../db/mutations';

function toReplyTemplateRow(raw: Record<string, unknown>): ReplyTemplateRow {
  const template = rowFromStorage(replyTemplatesTable, raw);
  return {
    id: template.id,
    categoryId: template.category_id,
    language: template.language,
    title: template.title,
    body: template.body,
  };
}

export function findReplyTemplate(db: Db, id: string): ReplyTemplateRow | null {
  const raw = statement(db, 'SELECT * FROM reply_templates WHERE id = ? AND deleted = 0').get(
    id,
  ) as Record<string, unknown> | undefined;
  return raw ? toReplyTemplateRow(raw) : null;
}

/** General templates (no category) first, then by category, language and title. */
export function listReplyTemplates(db: Db): ReplyTemplateRow[] {
  const raws = statement(
    db,
    `SELECT * FROM reply_templates WHERE deleted = 0
     ORDER BY category_id IS NOT NULL, category_id, language, title, id`,
  ).all() as Record<string, unknown>[];
  return raws.map(toReplyTemplateRow);
}
