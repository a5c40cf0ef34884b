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
        tags: ['sync'],
        security: [{ bearer: [] }],
        querystring: openApiSchema(pullQuerySchema),
        response: { 200: openApiSchema(pullResponseSchema, 'output'), ...errors },
      },
    },
    async (request) => {
      const auth = await authenticate(db, request.headers.authorization, now());
      const query = parseRequest(pullQuerySchema, request.query);
      const cursor = query.after === undefined ? null : decodeCursor(query.after);
      if (query.after !== undefined && cursor === null)
        throw new ServerError('VALIDATION', 'after: invalid cursor');
      const roles = await readerRoles(db, auth, request.headers[readersHeader], now());
      const page = await pullChanges(db, roles, cursor, query.limit ?? defaultPullLimit);
      return { ...page, serverTime: now() };
    },
  );
}
