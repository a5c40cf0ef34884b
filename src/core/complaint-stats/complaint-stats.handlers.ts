import { AppError } from '../../shared/errors';
import type { HandlersFor } from '../handlers.types';

// Being built (issue 3).
export const complaintStatsHandlers: HandlersFor<'complaintStats:'> = {
  'complaintStats:summary': () => {
    throw new AppError('INTERNAL', 'not built yet');
  },
  'complaintStats:export': () => {
    throw new AppError('INTERNAL', 'not built yet');
  },
};
