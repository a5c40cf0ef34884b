import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isWeakPassword } from '../../shared/password-policy';
import {
  apiPrefix,
  serverErrorSchema,
  signInRequestSchema,
  signInResponseSchema,
} from '../../shared/sync/protocol';
import { openApiSchema } from '../http/openapi-schema';
import { parseRequest } from '../http/parse-request';
import { ServerError } from '../http/server-error';
import type { ServerDeps } from '../server-deps';
import { authenticate, requireRole } from './authenticate';
import { registerCredentialRoute } from './credential-route';
import { hashPassword } from './passwords';
import { readUser } from './server-users';
import { signIn } from './sign-in';

const idParamsSchema = z.strictObject({ id: z.uuid() });
const setPasswordSchema = z.strictObject({ password: z.string().min(10).max(200) });

export const deviceSchema = z.object({
  id: z.uuid(),
  deviceId: z.string(),
  deviceName: z.string(),
  userId: z.uuid(),
  username: z.string().nullable(),
  createdAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
  revokedAt: z.iso.datetime().nullable(),
});
const devicesResponseSchema = z.object({ devices: z.array(deviceSchema) });

const errors = {
  400: openApiSchema(serverErrorSchema, 'output'),
  401: openApiSchema(serverErrorSchema, 'output'),
  403: openApiSchema(serverErrorSchema, 'output'),
};

export function registerAuthRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const { db, now } = deps;

  app.post(
    `${apiPrefix}/auth/sign-in`,
    {
      schema: {
        summary: 'Sign in from the app; answers a device token (shown once)',
        tags: ['auth'],
        body: openApiSchema(signInRequestSchema),
        response: { 200: openApiSchema(signInResponseSchema, 'output'), ...errors },
      },
    },
    async (request) => {
      const input = parseRequest(signInRequestSchema, request.body);
      return signIn(db, input, request.ip, now());
    },
  );

  app.get(
    `${apiPrefix}/devices`,
    {
      schema: {
        summary: 'Devices signed in (administrators)',
        tags: ['auth'],
        security: [{ bearer: [] }],
        response: { 200: openApiSchema(devicesResponseSchema, 'output'), ...errors },
      },
    },
    async (request) => {
      const auth = await authenticate(db, request.headers.authorization, now());
      requireRole(auth, 'admin');
      const rows = await db.query<{
        id: string;
        device_id: string;
        name: string;
        user_id: string;
        username: string | null;
        created_at: Date;
        last_seen_at: Date;
        revoked_at: Date | null;
      }>(
        `SELECT d.id, d.device_id, d.name, d.user_id, u.value AS username,
                d.created_at, d.last_seen_at, d.revoked_at
         FROM devices d
         LEFT JOIN cells u ON u.tbl = 'users' AND u.row_id = d.user_id::text AND u.col = 'username'
         ORDER BY d.last_seen_at DESC, d.id`,
      );
      return {
        devices: rows.map((row) => ({
          id: row.id,
          deviceId: row.device_id,
          deviceName: row.name,
          userId: row.user_id,
          username: row.username === null ? null : (JSON.parse(row.username) as string),
          createdAt: row.created_at.toISOString(),
          lastSeenAt: row.last_seen_at.toISOString(),
          revokedAt: row.revoked_at?.toISOString() ?? null,
        })),
      };
    },
  );

  app.post(
    `${apiPrefix}/devices/:id/revoke`,
    {
      schema: {
        summary: "Revoke a device's token (administrators): a stolen token stops working",
        tags: ['auth'],
        security: [{ bearer: [] }],
        params: openApiSchema(idParamsSchema),
        response: { 204: { type: 'null' }, ...errors },
      },
    },
    async (request, reply) => {
      const auth = await authenticate(db, request.headers.authorization, now());
      requireRole(auth, 'admin');
      const { id } = parseRequest(idParamsSchema, request.params);
      const found = await db.query<{ id: string }>(
        'UPDATE devices SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1 RETURNING id',
        [id, new Date(now())],
      );
      if (found.length === 0) throw new ServerError('NOT_FOUND', 'no such device');
      return reply.status(204).send();
    },
  );

  app.post(
    `${apiPrefix}/users/:id/password`,
    {
      schema: {
        summary: "Set a user's server password (administrators)",
        tags: ['auth'],
        security: [{ bearer: [] }],
        params: openApiSchema(idParamsSchema),
        body: openApiSchema(setPasswordSchema),
        response: { 204: { type: 'null' }, ...errors },
      },
    },
    async (request, reply) => {
      const auth = await authenticate(db, request.headers.authorization, now());
      requireRole(auth, 'admin');
      const { id } = parseRequest(idParamsSchema, request.params);
      const { password } = parseRequest(setPasswordSchema, request.body);
      const user = await readUser(db, id);
      if (!user) throw new ServerError('NOT_FOUND', 'no such user');
      if (isWeakPassword(password, user.username))
        throw new ServerError('VALIDATION', 'password: weak');
      await setPassword(deps, id, password);
      return reply.status(204).send();
    },
  );

  registerCredentialRoute(app, deps);
}

export async function setPassword(deps: ServerDeps, userId: string, password: string) {
  const hash = await hashPassword(password);
  await deps.db.query(
    `INSERT INTO credentials (user_id, hash, updated_at) VALUES ($1, $2, $3)
     ON CONFLICT (user_id) DO UPDATE SET hash = excluded.hash, updated_at = excluded.updated_at`,
    [userId, hash, new Date(deps.now())],
  );
}
