import { z } from 'zod';
import { roleSchema } from '../roles';
import { column, defineTable } from './define-table';

export const languageSchema = z.enum(['ar', 'fr']);
export type Language = z.infer<typeof languageSchema>;

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9._-]{2,39}$/);

/** Control and format characters (RLO, zero-width...) would let a name pose as another one. */
const invisibleCharacters = /[\p{Cc}\p{Cf}]/u;

/** A person's or a department's name, in Arabic or French script. */
export const nameSchema = z
  .string()
  .trim()
  .min(2)
  .max(120)
  .refine((name) => !invisibleCharacters.test(name), { message: 'invisible' });

export const displayNameSchema = nameSchema;

export const departmentsTable = defineTable({
  name: 'departments',
  appendOnly: false,
  deleteRoles: ['admin'],
  columns: {
    name_ar: column('text', nameSchema, { write: ['admin'] }),
    name_fr: column('text', nameSchema, { write: ['admin'] }),
  },
});

export const usersTable = defineTable({
  name: 'users',
  appendOnly: false,
  deleteRoles: [],
  columns: {
    username: column('text', usernameSchema, { write: ['admin'] }),
    display_name: column('text', displayNameSchema, { write: ['admin'] }),
    roles: column('json', z.array(roleSchema).min(1).max(8), { write: ['admin'] }),
    department_id: column('text', z.uuid().nullable(), { write: ['admin'] }),
    active: column('boolean', z.boolean(), { write: ['admin'] }),
    language: column('text', languageSchema, { write: ['admin', 'self'] }),
  },
});

/** Who did what to which record, and who viewed personal data (DESIGN.md, Security). */
export const auditLogTable = defineTable({
  name: 'audit_log',
  appendOnly: true,
  deleteRoles: [],
  columns: {
    at: column('text', z.iso.datetime(), { write: ['any'] }),
    user_id: column('text', z.uuid().nullable(), { write: ['any'] }),
    action: column('text', z.string().min(1).max(60), { write: ['any'] }),
    table_name: column('text', z.string().max(60).nullable(), { write: ['any'] }),
    row_id: column('text', z.string().max(60).nullable(), { write: ['any'] }),
    detail: column('json', z.record(z.string(), z.unknown()).nullable(), { write: ['any'] }),
  },
});
