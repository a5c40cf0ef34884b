import { AppError } from '../../shared/errors';
import type { HandlersFor } from '../handlers.types';

// Being built (issue 4).
export const syncHandlers: HandlersFor<'sync:'> = {
  'sync:status': () => {
    throw new AppError('INTERNAL', 'not built yet');
  },
  'sync:join': () => {
    throw new AppError('INTERNAL', 'not built yet');
  },
  'sync:now': () => {
    throw new AppError('INTERNAL', 'not built yet');
  },
  'sync:rejections': () => {
    throw new AppError('INTERNAL', 'not built yet');
  },
  'sync:dismissRejection': () => {
    throw new AppError('INTERNAL', 'not built yet');
  },
  'sync:conflicts': () => {
    throw new AppError('INTERNAL', 'not built yet');
  },
  'sync:resolveConflict': () => {
    throw new AppError('INTERNAL', 'not built yet');
  },
};
