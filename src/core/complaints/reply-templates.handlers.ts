import { AppError } from '../../shared/errors';
import { replyTemplatesTable } from '../../shared/tables/complaints.tables';
import type { HandlersFor } from '../handlers.types';
import { findCategory } from './categories.repo';
import { findReplyTemplate, listReplyTemplates } from './reply-templates.repo';

export const replyTemplatesHandlers: HandlersFor<'replyTemplates:'> = {
  'replyTemplates:list': (ctx) => listReplyTemplates(ctx.db),

  /** Creates a template (no id) or edits one; a template may serve an inactive category too. */
  'replyTemplates:save': (ctx, input) => {
    if (input.categoryId !== null && !findCategory(ctx.db, input.categoryId)) {
      throw new AppError('VALIDATION', 'unknown category', { categoryId: 'not_found' });
    }
    const values = {
      category_id: input.categoryId,
      language: input.language,
      title: input.title,
      body: input.body,
    };
    let id = input.id;
    if (id === undefined) {
      id = ctx.write.insert(replyTemplatesTable, values);
    } else {
      if (!findReplyTemplate(ctx.db, id))
        throw new AppError('NOT_FOUND', `reply template ${id} not found`);
      ctx.write.update(replyTemplatesTable, id, values);
    }
    return findReplyTemplate(ctx.db, id)!;
  },

  /** A tombstone, so a late edit from another PC cannot bring the template back unseen. */
  'replyTemplates:delete': (ctx, input) => {
    if (!findReplyTemplate(ctx.db, input.id))
      throw new AppError('NOT_FOUND', `reply template ${input.id} not found`);
    ctx.write.tombstone(replyTemplatesTable, input.id);
    return null;
  },
};
