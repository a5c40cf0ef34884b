import { AppError } from '../../shared/errors';
import type { HandlersFor } from '../handlers.types';

// Being built (issue 3).
export const replyTemplatesHandlers: HandlersFor<'replyTemplates:'> = {
  'replyTemplates:list': () => {
    throw new AppError('INTERNAL', 'not built yet');
  },
  'replyTemplates:save': () => {
    throw new AppError('INTERNAL', 'not built yet');
  },
  'replyTemplates:delete': () => {
    throw new AppError('INTERNAL', 'not built yet');
  },
};
