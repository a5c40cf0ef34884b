import { z } from 'zod';
import { roleSchema } from '../../roles';
import { displayNameSchema, languageSchema, usernameSchema } from '../../tables/platform.tables';
import { mutation, query } from '../procedure';

export const passwordSchema = z.string().min(10).max(200);

export const sessionUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(roleSchema),
  departmentId: z.string().nullable(),
  language: languageSchema,
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const sessionStatusSchema = z.object({
  /** `too-new`: the file comes from a newer Maktab; this PC must be updated before it is used. */
  database: z.enum(['ok', 'damaged', 'too-new', 'unavailable']),
  damagedReason: z.string().nullable(),
  setupRequired: z.boolean(),
  user: sessionUserSchema.nullable(),
  locked: z.boolean(),
  lockAfterMinutes: z.int(),
  /** This PC syncs with a central server: a password changed elsewhere can be checked there. */
  joinedToServer: z.boolean(),
});
export type SessionStatus = z.infer<typeof sessionStatusSchema>;

export const sessionProcedures = {
  'session:status': query({
    input: z.strictObject({}),
    output: sessionStatusSchema,
    access: 'public',
  }),
  'session:createFirstAdmin': mutation({
    input: z.strictObject({
      username: usernameSchema,
      displayName: displayNameSchema,
      password: passwordSchema,
      language: languageSchema,
    }),
    output: sessionUserSchema,
    access: 'public',
  }),
  'session:signIn': mutation({
    input: z.strictObject({
      username: z.string().trim().min(1).max(40),
      password: z.string().min(1).max(200),
    }),
    output: sessionUserSchema,
    access: 'public',
  }),
  // Public so that a locked session can be left for another user's sign-in.
  'session:signOut': mutation({ input: z.strictObject({}), output: z.null(), access: 'public' }),
  'session:lock': mutation({ input: z.strictObject({}), output: z.null(), access: 'signed-in' }),
  'session:unlock': mutation({
    input: z.strictObject({ password: z.string().min(1).max(200) }),
    output: sessionUserSchema,
    access: 'public',
  }),
  /** The user is active in the window (throttled by the renderer); postpones the inactivity lock. */
  'session:heartbeat': mutation({
    input: z.strictObject({}),
    output: z.null(),
    access: 'signed-in',
  }),
  'profile:setLanguage': mutation({
    input: z.strictObject({ language: languageSchema }),
    output: z.null(),
    access: 'signed-in',
  }),
  'profile:changePassword': mutation({
    input: z.strictObject({
      currentPassword: z.string().min(1).max(200),
      newPassword: passwordSchema,
    }),
    output: z.null(),
    access: 'signed-in',
  }),
};
