import { z } from 'zod';
import { roleSchema } from '../../roles';
import {
  displayNameSchema,
  languageSchema,
  nameSchema,
  usernameSchema,
} from '../../tables/platform.tables';
import { pageOf, pageRequestSchema } from '../paging';
import { mutation, query } from '../procedure';
import { passwordSchema } from './session.procedures';

export const userRowSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(roleSchema),
  departmentId: z.string().nullable(),
  active: z.boolean(),
  language: languageSchema,
});
export type UserRow = z.infer<typeof userRowSchema>;

export const departmentRowSchema = z.object({
  id: z.string(),
  nameAr: z.string(),
  nameFr: z.string(),
});
export type DepartmentRow = z.infer<typeof departmentRowSchema>;

const rolesInput = z.array(roleSchema).min(1).max(8);

export const adminProcedures = {
  'users:list': query({
    input: pageRequestSchema.extend({
      search: z.string().trim().max(100).optional(),
      includeInactive: z.boolean().optional(),
    }),
    output: pageOf(userRowSchema),
    access: ['admin'],
  }),
  'users:create': mutation({
    input: z.strictObject({
      username: usernameSchema,
      displayName: displayNameSchema,
      password: passwordSchema,
      roles: rolesInput,
      departmentId: z.uuid().nullable(),
      language: languageSchema,
    }),
    output: userRowSchema,
    access: ['admin'],
  }),
  'users:update': mutation({
    input: z.strictObject({
      id: z.uuid(),
      displayName: displayNameSchema,
      roles: rolesInput,
      departmentId: z.uuid().nullable(),
    }),
    output: userRowSchema,
    access: ['admin'],
  }),
  'users:setActive': mutation({
    input: z.strictObject({ id: z.uuid(), active: z.boolean() }),
    output: userRowSchema,
    access: ['admin'],
  }),
  'users:resetPassword': mutation({
    input: z.strictObject({ id: z.uuid(), password: passwordSchema }),
    output: z.null(),
    access: ['admin'],
  }),
  'departments:list': query({
    input: z.strictObject({}),
    output: z.array(departmentRowSchema),
    access: 'signed-in',
  }),
  'departments:create': mutation({
    input: z.strictObject({ nameAr: nameSchema, nameFr: nameSchema }),
    output: departmentRowSchema,
    access: ['admin'],
  }),
  'departments:update': mutation({
    input: z.strictObject({ id: z.uuid(), nameAr: nameSchema, nameFr: nameSchema }),
    output: departmentRowSchema,
    access: ['admin'],
  }),
};
