import { z } from 'zod';
import { roleSchema } from '../roles';
import { languageSchema } from '../tables/platform.tables';

/**
 * The wire between the app's core and the central server (DESIGN.md, Sync). Both sides import
 * these schemas: the server validates every request with them, the client every answer.
 *
 * HTTP, JSON, under /api/v1. Every call but sign-in and health carries `Authorization: Bearer
 * <device token>`; every call carries `x-maktab-protocol: <latestProtocolVersion>`, and a server
 * answers 426 (UPDATE_REQUIRED) to a client older than it understands.
 */

/** Version of the sync protocol between app and server; bumped when the change format changes. */
export const latestProtocolVersion = 1;
export const protocolHeader = 'x-maktab-protocol';
export const apiPrefix = '/api/v1';
/**
 * On a pull: the tokens of the other accounts signed in online on this PC, comma-separated. The
 * PC receives the cells any of them may read (a head's CIN numbers on a PC the information
 * officer joined): each proves its holder, so no account reads more than a colleague showed.
 */
export const readersHeader = 'x-maktab-readers';
export const maxReaderTokens = 8;

/** Most changes one push may carry, most one pull answer holds. */
export const maxPushBatch = 500;
// A first pull of 13.7 M cells asks for pages this large (about 1.5 MB of JSON): smaller ones leave
// the app waiting on round trips, larger ones cost memory for nothing (bench/README.md, sync).
export const maxPullBatch = 5_000;

const uuid = z.uuid();
/** The form of an HLC stamp as text, for checks outside zod (snapshot-page.ts). */
export const hlcTextPattern =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z-[0-9a-f]{4}-[0-9a-f]{16}$/;
/** An HLC stamp as text (shared/sync/hlc.ts formatStamp): compares correctly as a string. */
export const hlcTextSchema = z.string().regex(hlcTextPattern);
/** The form of a synced table's or column's name. */
export const syncNamePattern = /^[a-z][a-z0-9_]{0,62}$/;
/** A cell a pull may be restricted to: `table.column`. */
export const pullCellPattern = /^[a-z][a-z0-9_]{0,62}\.[a-z][a-z0-9_]{0,62}$/;
/** Most cells one restricted pull may name (every synced cell fits). */
export const maxPullCells = 200;

/**
 * One changed cell, as core's change log holds it. `value` is the STORED form of the column
 * (shared/tables storage: text, integer, 0/1 for booleans, JSON text for json columns, or null);
 * the receiver parses it with the column's declaration before using it.
 */
/** The longest value one cell may carry: every text column's own limit stays within it. */
export const maxCellValueLength = 20_000;

export const changeSchema = z.strictObject({
  id: uuid,
  table: z.string().regex(syncNamePattern),
  rowId: z.string().min(1).max(60),
  column: z.string().regex(syncNamePattern),
  value: z.union([z.string().max(maxCellValueLength), z.number(), z.null()]),
  hlc: hlcTextSchema,
  userId: uuid.nullable(),
  deviceId: z.string().min(1).max(60),
  /** The schema version (number of migrations) of the app that wrote it. */
  schemaVersion: z.int().min(1).max(100_000),
});
export type SyncChange = z.infer<typeof changeSchema>;

export const syncUserSchema = z.object({
  id: uuid,
  username: z.string(),
  displayName: z.string(),
  roles: z.array(roleSchema),
  departmentId: uuid.nullable(),
  language: languageSchema,
});
export type SyncUser = z.infer<typeof syncUserSchema>;

/** POST /api/v1/auth/sign-in */
export const signInRequestSchema = z.strictObject({
  username: z.string().trim().toLowerCase().min(1).max(40),
  password: z.string().min(1).max(200),
  deviceId: z.string().min(1).max(60),
  deviceName: z.string().trim().min(1).max(80),
});
export const signInResponseSchema = z.object({
  /** Shown once; the server keeps only its hash. Revocable by an administrator. */
  token: z.string().min(32),
  user: syncUserSchema,
  /** Server's clock (ms since epoch) when answering, for the client's offset. */
  serverTime: z.int(),
});

/** POST /api/v1/sync/push */
export const pushRequestSchema = z.strictObject({
  changes: z.array(changeSchema).min(1).max(maxPushBatch),
});

export const rejectionReasons = [
  'UNKNOWN_TABLE',
  'UNKNOWN_COLUMN',
  'INVALID_VALUE',
  'FORBIDDEN_COLUMN',
  'FORBIDDEN_TRANSITION',
  'APPEND_ONLY',
  'CLOCK_TOO_FAR_AHEAD',
  'NOT_YOUR_CHANGE',
] as const;
export const rejectionReasonSchema = z.enum(rejectionReasons);
export type RejectionReason = z.infer<typeof rejectionReasonSchema>;

export const pushResultSchema = z.discriminatedUnion('status', [
  /** Accepted (also when it was already accepted before: pushes are idempotent by change id). */
  z.object({ id: uuid, status: z.literal('accepted') }),
  /** Rejected, with the server's current value of the cell so the client can put it back. */
  z.object({
    id: uuid,
    status: z.literal('rejected'),
    reason: rejectionReasonSchema,
    serverValue: z.union([z.string(), z.number(), z.null()]),
    serverHlc: hlcTextSchema.nullable(),
  }),
  /** Written by a newer app than the server knows: kept aside until the server is updated. */
  z.object({ id: uuid, status: z.literal('deferred') }),
]);
export type PushResult = z.infer<typeof pushResultSchema>;

export const pushResponseSchema = z.object({
  results: z.array(pushResultSchema),
  serverTime: z.int(),
});

/**
 * GET /api/v1/sync/pull?after=<cursor>&limit=<n>. The cursor is opaque to the client. An empty
 * client passes no cursor and first receives a snapshot of the current cells (with their clocks),
 * then the log; the server only ever hands out a prefix of its log that can no longer grow in the
 * middle (DESIGN.md, Sync: sequence numbers committing out of order).
 */
export const pullQuerySchema = z.strictObject({
  after: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(maxPullBatch).optional(),
  /**
   * A backfill (core/sync/pull-scope.ts): only these cells, `table.column` comma-separated, of
   * those the readers may read (never more). Repeated on every page; the server answers 400 to a
   * cell of no synced table.
   */
  cells: z
    .string()
    .max(maxPullCells * 48)
    .describe(
      'A backfill: only these cells (table.column, comma-separated) of those the readers may read',
    )
    .transform((text) => text.split(','))
    .pipe(z.array(z.string().regex(pullCellPattern)).min(1).max(maxPullCells))
    .optional(),
});
export const pullResponseSchema = z.object({
  changes: z.array(changeSchema),
  cursor: z.string().max(200),
  hasMore: z.boolean(),
  serverTime: z.int(),
});

/** The error body of every non-2xx answer. */
export const serverErrorSchema = z.object({
  error: z.object({
    code: z.enum([
      'VALIDATION',
      'UNAUTHENTICATED',
      'INVALID_CREDENTIALS',
      'TOKEN_REVOKED',
      'FORBIDDEN',
      'NOT_FOUND',
      'RATE_LIMITED',
      'UPDATE_REQUIRED',
      'PAYLOAD_TOO_LARGE',
      'INTERNAL',
    ]),
    message: z.string(),
  }),
});
export type ServerErrorCode = z.infer<typeof serverErrorSchema>['error']['code'];

/**
 * A password verifier as the app's core makes it (core/session/passwords.ts): argon2id in PHC form.
 * At least OWASP's baseline (19 MiB, 2 passes, 1 lane); at most what the server affords at every
 * sign-in, since a verifier's parameters are what its check costs.
 */
export const verifierParameters = {
  least: { memoryKib: 19_456, passes: 2, lanes: 1 },
  most: { memoryKib: 65_536, passes: 10, lanes: 4 },
} as const;
const verifierPattern =
  /^\$argon2id\$v=19\$m=(\d{1,7}),t=(\d{1,3}),p=(\d{1,2})\$[A-Za-z0-9+/]{11,86}\$[A-Za-z0-9+/]{22,86}$/;

export function verifierWithinLimits(verifier: string): boolean {
  const match = verifierPattern.exec(verifier);
  if (!match) return false;
  const [memoryKib, passes, lanes] = [match[1], match[2], match[3]].map(Number) as [
    number,
    number,
    number,
  ];
  const { least, most } = verifierParameters;
  return (
    memoryKib >= least.memoryKib &&
    memoryKib <= most.memoryKib &&
    passes >= least.passes &&
    passes <= most.passes &&
    lanes >= least.lanes &&
    lanes <= most.lanes
  );
}

/**
 * PUT /api/v1/users/:id/credential: a password set in the app, as its verifier (never the new
 * password). An administrator's token for anyone else; for one's own password, one's own token
 * AND `currentPassword`, checked against the server's credential under the sign-in limits, so a
 * copied device token alone cannot take the account over (a wrong one: 403 INVALID_CREDENTIALS).
 * `setAt` is when it was set, on the server's clock as the app learnt it: the server keeps the
 * latest.
 */
export const setCredentialRequestSchema = z.strictObject({
  verifier: z
    .string()
    .max(256)
    .refine(verifierWithinLimits, { message: 'not an argon2id verifier within limits' }),
  setAt: z.iso.datetime(),
  currentPassword: z.string().min(1).max(200).optional(),
});
export const setCredentialResponseSchema = z.object({
  /** false: the server holds a password set later than this one, and keeps it. */
  stored: z.boolean(),
  serverTime: z.int(),
});
