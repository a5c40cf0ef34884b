import { AppError } from '../../shared/errors';
import type { HandlersFor } from '../handlers.types';

// Being built (issue 3).
export const categoriesHandlers: HandlersFor<'categories:'> = {
  'categories:list': () => {
    throw new AppError('INTERNAL', 'not built yet');
  },
  'categories:create': () => {
    throw new AppError('INTERNAL', 'not built yet');
  },
  'categories:update': () => {
    throw new AppError('INTERNAL', 'not built yet');
  },
};
