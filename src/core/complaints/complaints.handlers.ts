import { communeToday } from '../../shared/complaints/legal-clock';
import { requireUser, type HandlerContext } from '../handler-context';
import type { HandlersFor } from '../handlers.types';
import { listDistricts } from './districts.repo';
import { findDuplicates } from './duplicates.service';
import { registerComplaint } from './intake.service';
import type { Viewer } from './queue-views';
import { queuePage, viewCounts } from './queue.repo';
import { listAssignees } from './staff.repo';

/** Morocco's date, whatever the PC's time zone: the legal clocks count in the commune's days. */
const today = (ctx: HandlerContext) => communeToday(ctx.now());

function viewer(ctx: HandlerContext): Viewer {
  const user = requireUser(ctx);
  return { id: user.id, departmentId: user.departmentId };
}

export const complaintsHandlers: HandlersFor<'complaints:'> = {
  'complaints:create': (ctx, input) => registerComplaint(ctx, input),
  'complaints:queue': (ctx, input) => queuePage(ctx.db, input, viewer(ctx), today(ctx)),
  'complaints:viewCounts': (ctx) => viewCounts(ctx.db, viewer(ctx), today(ctx)),
  'complaints:duplicates': (ctx, input) => findDuplicates(ctx.db, input, today(ctx)),
  'complaints:districts': (ctx) => listDistricts(ctx.db),
  'complaints:assignees': (ctx) => listAssignees(ctx.db),
};
