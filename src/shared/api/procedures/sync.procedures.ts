import { z } from 'zod';
import { approverRoles } from '../../complaints/workflow';
import { rejectionReasonSchema } from '../../sync/protocol';
import { usernameSchema } from '../../tables/platform.tables';
import { mutation, query } from '../procedure';

/**
 * The app's side of sync (issue 4): where this PC stands with the central server, joining one,
 * syncing now, and what sync could not settle alone (rejected changes, conflicts).
 */

export const syncStateSchema = z.enum([
  /** Never joined to a server: everything stays on this PC. */
  'local-only',
  'online',
  'syncing',
  /** Joined, but the server cannot be reached: work is kept here and sent later. */
  'offline',
  /** The server refused this app's version: it must be updated. */
  'update-required',
  /** The server refused this PC's token (revoked): someone must sign in again online. */
  'signed-out',
]);
export type SyncState = z.infer<typeof syncStateSchema>;

export const joinFailureSchema = z.enum([
  'offline',
  'revoked',
  'update-required',
  'invalid-credentials',
  'rejected-request',
  'server',
]);
export type JoinFailure = z.infer<typeof joinFailureSchema>;

export const syncStatusSchema = z.object({
  state: syncStateSchema,
  serverUrl: z.string().nullable(),
  /** ISO time of the last complete sync (push and pull), null if never. */
  lastSyncAt: z.string().nullable(),
  /** Changes made here and not yet accepted by the server. */
  pending: z.int().min(0),
  /** While syncing: what is done of the current run, 0 to 1, null when unknown. */
  progress: z.number().min(0).max(1).nullable(),
  /** Rejections and conflicts waiting for someone to look at them. */
  rejections: z.int().min(0),
  conflicts: z.int().min(0),
  /** Why the last attempt to join a server failed; null once one succeeded. */
  joinFailure: joinFailureSchema.nullable(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

/** The central server's address: https, or http only to this machine or the LAN for tests. */
export const serverUrlSchema = z
  .url({ protocol: /^https?$/ })
  .max(300)
  .refine((url) => !/[?#]/.test(url), { message: 'invalid_format' });

export const syncRejectionSchema = z.object({
  id: z.string(),
  at: z.string(),
  table: z.string(),
  rowId: z.string(),
  column: z.string(),
  reason: rejectionReasonSchema,
  /** The value this PC had written (stored form, as text), and the server's that replaced it. */
  localValue: z.string().nullable(),
  serverValue: z.string().nullable(),
});
export type SyncRejection = z.infer<typeof syncRejectionSchema>;

export const syncConflictSchema = z.object({
  id: z.string(),
  at: z.string(),
  table: z.string(),
  rowId: z.string(),
  column: z.string(),
  /** The value kept (the later clock) and the one it overwrote, both in stored form as text. */
  keptValue: z.string().nullable(),
  keptBy: z.string().nullable(),
  lostValue: z.string().nullable(),
  lostBy: z.string().nullable(),
  resolved: z.boolean(),
});
export type SyncConflict = z.infer<typeof syncConflictSchema>;

/**
 * Where a first online sign-in stands: `working` while the server is asked, `fetching` once it said
 * yes and the account is on its way to this PC, `ready` to sign in here, `failed` with why.
 */
export const onlineSignInSchema = z.object({
  state: z.enum(['working', 'fetching', 'ready', 'failed']),
  failure: joinFailureSchema.nullable(),
});
export type OnlineSignIn = z.infer<typeof onlineSignInSchema>;

export const credentialRefusalSchema = z.object({
  userId: z.string(),
  username: z.string().nullable(),
  /** The server's error code (FORBIDDEN, NOT_FOUND, VALIDATION...). */
  reason: z.string(),
  at: z.string(),
});
export type CredentialRefusal = z.infer<typeof credentialRefusalSchema>;

export const syncProcedures = {
  'sync:status': query({
    input: z.strictObject({}),
    output: syncStatusSchema,
    access: 'signed-in',
  }),
  /**
   * Joins this PC to a server: signs in there with the user's server account, keeps the device
   * token, then pulls everything the user may see. Before the first local account exists it is
   * also offered on the first-run screen (access public; core refuses it once users exist and
   * nobody is signed in).
   */
  'sync:join': mutation({
    input: z.strictObject({
      serverUrl: serverUrlSchema,
      username: usernameSchema,
      password: z.string().min(1).max(200),
    }),
    output: syncStatusSchema,
    access: 'public',
  }),
  'sync:now': mutation({
    input: z.strictObject({}),
    output: syncStatusSchema,
    access: 'signed-in',
  }),
  'sync:rejections': query({
    input: z.strictObject({}),
    output: z.array(syncRejectionSchema),
    access: 'signed-in',
  }),
  'sync:dismissRejection': mutation({
    input: z.strictObject({ id: z.uuid() }),
    output: z.null(),
    access: 'signed-in',
  }),
  'sync:conflicts': query({
    input: z.strictObject({ includeResolved: z.boolean().optional() }),
    output: z.array(syncConflictSchema),
    access: [...approverRoles, 'info_officer', 'admin'],
  }),
  /** Keep the value sync kept, or restore the one it overwrote (a new change, synced as usual). */
  'sync:resolveConflict': mutation({
    input: z.strictObject({ id: z.uuid(), keep: z.enum(['kept', 'lost']) }),
    output: z.null(),
    access: [...approverRoles, 'info_officer'],
  }),
  /**
   * A colleague's first sign-in on this joined PC (session:signIn said ONLINE_SIGN_IN_REQUIRED), or
   * a password changed on another PC (INVALID_CREDENTIALS here, "sign in with the server"): the
   * server checks the password as for joining, this PC keeps their token and their verifier (in
   * place of the old one), and a new account arrives with the pull. Answers at once;
   * `sync:onlineSignIn` follows it.
   */
  'sync:signInOnline': mutation({
    input: z.strictObject({
      username: z.string().trim().min(1).max(40),
      password: z.string().min(1).max(200),
    }),
    output: z.object({ attemptId: z.string() }),
    access: 'public',
  }),
  'sync:onlineSignIn': query({
    input: z.strictObject({ attemptId: z.string().max(60) }),
    output: onlineSignInSchema,
    access: 'public',
  }),
  /** Passwords set here that the server refused (administrators look after them). */
  'sync:credentialRefusals': query({
    input: z.strictObject({}),
    output: z.array(credentialRefusalSchema),
    access: ['admin'],
  }),
};
