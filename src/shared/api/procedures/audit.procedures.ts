import { z } from 'zod';
import { pageOf, pageRequestSchema } from '../paging';
import { query } from '../procedure';

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  action: z.string(),
  tableName: z.string().nullable(),
  rowId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditProcedures = {
  'audit:list': query({
    input: pageRequestSchema.extend({
      userId: z.uuid().optional(),
      action: z.string().trim().min(1).max(60).optional(),
      tableName: z.string().trim().min(1).max(60).optional(),
      rowId: z.string().trim().min(1).max(60).optional(),
      from: z.iso.date().optional(),
      to: z.iso.date().optional(),
    }),
    output: pageOf(auditEntrySchema),
    access: ['admin', 'director'],
  }),
};
