import type { FastifyInstance } from 'fastify';
import {
  apiPrefix,
  pullQuerySchema,
  pullResponseSchema,
  pushRequestSchema,
  pushResponseSchema,
  readersHeader,
  serverErrorSchema,
} from '../../shared/sync/protocol';
import {
  packSnapshotPage,
  snapshotPageMediaType,
  snapshotPageSchema,
} from '../../shared/sync/snapshot-page';
import { deletedColumn } from '../../shared/sync/stored-values';
import { syncedTables } from '../../shared/tables/registry';
import { authenticate } from '../auth/authenticate';
import { readerRoles } from '../auth/reader-roles';
import { openApiSchema } from '../http/openapi-schema';
import { parseRequest } from '../http/parse-request';
import { ServerError } from '../http/server-error';
import type { ServerDeps } from '../server-deps';
import { pullChanges } from './pull';
import { decodeCursor } from './pull-cursor';
import { pushChanges } from './push';

const errors = {
  400: openApiSchema(serverErrorSchema, 'output'),
  401: openApiSchema(serverErrorSchema, 'output'),
  413: openApiSchema(serverErrorSchema, 'output'),
  426: openApiSchema(serverErrorSchema, 'output'),
};

/** Every `table.column` a pull may be restricted to. */
const syncedCells: ReadonlySet<string> = new Set(
  Object.values(syncedTables).flatMap((table) =>
    [...Object.keys(table.columns), deletedColumn].map((column) => `${table.name}.${column}`),
  ),
);

/** A full pull page when the app asks for no size. */
const defaultPullLimit = 1000;

export function registerSyncRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const { db, now } = deps;

  app.post(
    `${apiPrefix}/sync/push`,
    {
      schema: {
        summary: 'Push a batch of changes; each is accepted, rejected with a reason, or deferred',
        tags: ['sync'],
        security: [{ bearer: [] }],
        body: openApiSchema(pushRequestSchema),
        response: { 200: openApiSchema(pushResponseSchema, 'output'), ...errors },
      },
    },
    async (request) => {
      const auth = await authenticate(db, request.headers.authorization, now());
      const { changes } = parseRequest(pushRequestSchema, request.body, { allowNul: true });
      const nowMs = now();
      const results = await pushChanges(
        db,
        { user: auth.user, deviceId: auth.deviceId },
        changes,
        nowMs,
      );
      return { results, serverTime: now() };
    },
  );

  app.get(
    `${apiPrefix}/sync/pull`,
    {
      schema: {
        summary: 'Pull the changes after a cursor (none: a snapshot of the current cells first)',
        description: `With \`cells\`, a backfill: only those cells of what the readers may read, in a snapshot of its own (a cursor of its own, repeated with the same cells on every page). A snapshot page comes in rows (${snapshotPageMediaType}) to an app that accepts that type; otherwise, and for every page of the log, in changes (application/json).`,
        tags: ['sync'],
        security: [{ bearer: [] }],
        querystring: openApiSchema(pullQuerySchema),
        response: {
          200: {
            description: 'A page of changes, or of snapshot rows when accepted',
            content: {
              'application/json': { schema: openApiSchema(pullResponseSchema, 'output') },
              [snapshotPageMediaType]: { schema: openApiSchema(snapshotPageSchema, 'output') },
            },
          },
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const auth = await authenticate(db, request.headers.authorization, now());
      const query = parseRequest(pullQuerySchema, request.query);
      const cursor = query.after === undefined ? null : decodeCursor(query.after);
      if (query.after !== undefined && cursor === null)
        throw new ServerError('VALIDATION', 'after: invalid cursor');
      const unknown = query.cells?.find((cell) => !syncedCells.has(cell));
      if (unknown !== undefined) throw new ServerError('VALIDATION', `cells: unknown ${unknown}`);
      const roles = await readerRoles(db, auth, request.headers[readersHeader], now());
      const {
        changes,
        cursor: next,
        hasMore,
        fromSnapshot,
      } = await pullChanges(
        db,
        roles,
        cursor,
        query.limit ?? defaultPullLimit,
        query.cells ?? null,
      );
      void reply.header('vary', 'accept');
      // An app from before snapshot pages, or a page of the log: changes as ever.
      if (!fromSnapshot || !request.headers.accept?.toLowerCase().includes(snapshotPageMediaType))
        return { changes, cursor: next, hasMore, serverTime: now() };
      void reply.type(snapshotPageMediaType);
      const page = packSnapshotPage(changes, { cursor: next, hasMore, serverTime: now() });
      // Encoded once here: a string would be measured, then encoded again as it is written.
      return Buffer.from(JSON.stringify(page));
    },
  );
}
