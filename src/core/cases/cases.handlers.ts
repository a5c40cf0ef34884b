import { AppError } from '../../shared/errors';
import type { HandlersFor } from '../handlers.types';

// Being built (issue 3).
export const casesHandlers: HandlersFor<'cases:'> = {
  'cases:get': () => {
    throw new AppError('INTERNAL', 'not built yet');
  },
  'cases:route': () => {
    throw new AppError('INTERNAL', 'not built yet');
  },
  'cases:assign': () => {
    throw new AppError('INTERNAL', 'not built yet');
  },
  'cases:triage': () => {
    throw new AppError('INTERNAL', 'not built yet');
  },
  'cases:acknowledge': () => {
    throw new AppError('INTERNAL', 'not built yet');
  },
  'cases:markCalled': () => {
    throw new AppError('INTERNAL', 'not built yet');
  },
  'cases:addNote': () => {
    throw new AppError('INTERNAL', 'not built yet');
  },
  'cases:addAttachment': () => {
    throw new AppError('INTERNAL', 'not built yet');
  },
  'cases:attachment': () => {
    throw new AppError('INTERNAL', 'not built yet');
  },
  'cases:saveReply': () => {
    throw new AppError('INTERNAL', 'not built yet');
  },
  'cases:submitReply': () => {
    throw new AppError('INTERNAL', 'not built yet');
  },
  'cases:reviewReply': () => {
    throw new AppError('INTERNAL', 'not built yet');
  },
  'cases:deliverReply': () => {
    throw new AppError('INTERNAL', 'not built yet');
  },
  'cases:close': () => {
    throw new AppError('INTERNAL', 'not built yet');
  },
  'cases:reopen': () => {
    throw new AppError('INTERNAL', 'not built yet');
  },
  'cases:merge': () => {
    throw new AppError('INTERNAL', 'not built yet');
  },
};
