/**
 * Every action the audit log records, declared once: core may only write these, and the audit
 * screen translates each (admin.json, auditActions). Modules add theirs here.
 */
export const auditActions = [
  // Written by the mutation path for every synced write.
  'insert',
  'update',
  'delete',
  'session.first-admin',
  'session.sign-in',
  'session.sign-in-failed',
  'session.sign-out',
  'session.unlock-failed',
  'profile.password-changed',
  'users.password-reset',
  'settings.update',
  'backups.create',
  'backups.restore',
  /** A user opened a record showing a citizen's personal data (law 09-08): who saw whose data. */
  'personal-data.view',
  /** This PC was joined to a central server (which address, by whom). */
  'sync.join',
  /** A head settled a sync conflict: kept the value sync kept, or restored the one it overwrote. */
  'sync.conflict-resolved',
] as const;

export type AuditAction = (typeof auditActions)[number];
