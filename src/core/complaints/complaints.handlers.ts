import { AppError } from '../../shared/errors';
import type { HandlersFor } from '../handlers.types';

// Being built (issue 3).
export const complaintsHandlers: HandlersFor<'complaints:'> = {
  'complaints:create': () => {
    throw new AppError('INTERNAL', 'not built yet');
  },
  'complaints:queue': () => {
    throw new AppError('INTERNAL', 'not built yet');
  },
  'complaints:viewCounts': () => {
    throw new AppError('INTERNAL', 'not built yet');
  },
  'complaints:duplicates': () => {
    throw new AppError('INTERNAL', 'not built yet');
  },
  'complaints:districts': () => {
    throw new AppError('INTERNAL', 'not built yet');
  },
  'complaints:assignees': () => {
    throw new AppError('INTERNAL', 'not built yet');
  },
};
