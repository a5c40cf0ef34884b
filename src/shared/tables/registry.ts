import { articlesTable } from './articles.tables';
import { holidaysTable } from './calendar.tables';
import type { TableDeclaration } from './define-table';
import { infoRequestEventsTable, infoRequestsTable } from './info-requests.tables';
import {
  categoriesTable,
  complaintAttachmentsTable,
  complaintEventsTable,
  complaintRepliesTable,
  complaintsTable,
  replyTemplatesTable,
} from './complaints.tables';
import { auditLogTable, departmentsTable, usersTable } from './platform.tables';

/** Every synced table. A module adds its declarations here (and a migration), nothing else. */
export const syncedTables = {
  departments: departmentsTable,
  users: usersTable,
  audit_log: auditLogTable,
  categories: categoriesTable,
  reply_templates: replyTemplatesTable,
  complaints: complaintsTable,
  complaint_events: complaintEventsTable,
  complaint_replies: complaintRepliesTable,
  complaint_attachments: complaintAttachmentsTable,
  holidays: holidaysTable,
  info_requests: infoRequestsTable,
  info_request_events: infoRequestEventsTable,
  articles: articlesTable,
} as const satisfies Record<string, TableDeclaration>;

export type SyncedTableName = keyof typeof syncedTables;

export function isSyncedTableName(name: string): name is SyncedTableName {
  return Object.hasOwn(syncedTables, name);
}
