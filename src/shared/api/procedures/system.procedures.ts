import { z } from 'zod';
import { mutation, query } from '../procedure';

export const settingsSchema = z.strictObject({
  lockAfterMinutes: z.int().min(1).max(240),
  backupsToKeep: z.int().min(1).max(60),
  /** The generic electron-updater feed on the commune's intranet; empty means no update checks. */
  updateFeedUrl: z.union([z.literal(''), z.url({ protocol: /^https$/ })]),
});
export type Settings = z.infer<typeof settingsSchema>;

export const backupSchema = z.object({
  name: z.string(),
  createdAt: z.string(),
  sizeBytes: z.int(),
});
export type Backup = z.infer<typeof backupSchema>;

export const homeCountsSchema = z.object({
  activeUsers: z.int(),
  departments: z.int(),
  auditToday: z.int(),
  lastBackupAt: z.string().nullable(),
  pendingChanges: z.int(),
});
export type HomeCounts = z.infer<typeof homeCountsSchema>;

const backupName = z.string().regex(/^maktab-[0-9TZ-]+(-[a-z-]+)?\.sqlite$/);

export const systemProcedures = {
  'settings:get': query({ input: z.strictObject({}), output: settingsSchema, access: 'signed-in' }),
  'settings:update': mutation({ input: settingsSchema, output: settingsSchema, access: ['admin'] }),
  'home:counts': query({
    input: z.strictObject({}),
    output: homeCountsSchema,
    access: 'signed-in',
  }),
  'backups:list': query({
    input: z.strictObject({}),
    output: z.array(backupSchema),
    access: ['admin'],
  }),
  'backups:create': mutation({
    input: z.strictObject({}),
    output: backupSchema,
    access: ['admin'],
  }),
  'backups:restore': mutation({
    input: z.strictObject({ name: backupName }),
    output: z.null(),
    access: ['admin'],
  }),
  /** The way out when the start-up integrity check finds the database damaged. */
  'recovery:backups': query({
    input: z.strictObject({}),
    output: z.array(backupSchema),
    access: 'public',
  }),
  'recovery:restore': mutation({
    input: z.strictObject({ name: backupName }),
    output: z.null(),
    access: 'public',
  }),
  'recovery:startEmpty': mutation({
    input: z.strictObject({}),
    output: z.null(),
    access: 'public',
  }),
  /** The file was locked by another program or unreadable for a moment: try to open it again. */
  'recovery:retry': mutation({ input: z.strictObject({}), output: z.null(), access: 'public' }),
};
