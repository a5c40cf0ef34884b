import type { HandlersFor } from '../handlers.types';
import { listAudit } from './audit.repo';

export const auditHandlers: HandlersFor<'audit:'> = {
  'audit:list': (ctx, input) => listAudit(ctx.db, input),
};
