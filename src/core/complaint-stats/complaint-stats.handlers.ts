import { communeToday } from '../../shared/complaints/legal-clock';
import type { HandlersFor } from '../handlers.types';
import { namesById, summarizeComplaints } from './complaint-stats.repo';
import { buildStatsWorkbook } from './stats-workbook';
import { renderXlsxSync } from './xlsx-sync';

/** Statistics of the complaints register (issue 3, item 8): figures over a period, and as xlsx. */
export const complaintStatsHandlers: HandlersFor<'complaintStats:'> = {
  'complaintStats:summary': (ctx, input) => summarizeComplaints(ctx.db, input),

  'complaintStats:export': (ctx, input) => {
    const now = ctx.now();
    const workbook = buildStatsWorkbook({
      stats: summarizeComplaints(ctx.db, input),
      language: input.language,
      categories: namesById(ctx.db, 'categories'),
      departments: namesById(ctx.db, 'departments'),
      exportedOn: communeToday(now),
      now,
    });
    return {
      fileName: `complaints-stats-${input.from}-${input.to}.xlsx`,
      dataBase64: renderXlsxSync(workbook).toString('base64'),
    };
  },
};
