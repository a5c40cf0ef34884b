/**
 * Every procedure's name, and nothing else: the preload builds `window.api` from this list without
 * pulling zod into the sandbox. contract.ts proves at compile time that it matches the contract.
 */
export const procedureNames = [
  'session:status',
  'session:createFirstAdmin',
  'session:signIn',
  'session:signOut',
  'session:lock',
  'session:unlock',
  'session:heartbeat',
  'profile:setLanguage',
  'profile:changePassword',
  'users:list',
  'users:create',
  'users:update',
  'users:setActive',
  'users:resetPassword',
  'departments:list',
  'departments:create',
  'departments:update',
  'audit:list',
  'settings:get',
  'settings:update',
  'home:counts',
  'backups:list',
  'backups:create',
  'backups:restore',
  'recovery:backups',
  'recovery:restore',
  'recovery:startEmpty',
  'recovery:retry',
  'complaints:create',
  'complaints:queue',
  'complaints:viewCounts',
  'complaints:duplicates',
  'complaints:districts',
  'complaints:assignees',
  'categories:list',
  'categories:create',
  'categories:update',
  'replyTemplates:list',
  'replyTemplates:save',
  'replyTemplates:delete',
  'complaintStats:summary',
  'complaintStats:export',
  'cases:get',
  'cases:route',
  'cases:assign',
  'cases:triage',
  'cases:acknowledge',
  'cases:markCalled',
  'cases:addNote',
  'cases:addAttachment',
  'cases:attachment',
  'cases:saveReply',
  'cases:submitReply',
  'cases:reviewReply',
  'cases:deliverReply',
  'cases:close',
  'cases:reopen',
  'cases:merge',
  'sync:status',
  'sync:join',
  'sync:now',
  'sync:rejections',
  'sync:dismissRejection',
  'sync:conflicts',
  'sync:resolveConflict',
  'sync:signInOnline',
  'sync:onlineSignIn',
  'sync:credentialRefusals',
] as const;

export type ProcedureName = (typeof procedureNames)[number];

/** Events core pushes to the window. */
export const eventNames = ['data:changed', 'progress', 'session:changed', 'sync:changed'] as const;
export type EventName = (typeof eventNames)[number];

/** The two IPC channels between the preload and main: calls in, pushed events out. */
export const callChannel = 'maktab:call';
export const eventChannel = 'maktab:event';
