import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  apiPrefix,
  serverErrorSchema,
  setCredentialRequestSchema,
  setCredentialResponseSchema,
} from '../../shared/sync/protocol';
import { openApiSchema } from '../http/openapi-schema';
import { parseRequest } from '../http/parse-request';
import { ServerError } from '../http/server-error';
import type { ServerDeps } from '../server-deps';
import { authenticate } from './authenticate';
import { readUser } from './server-users';
import { storeVerifier } from './store-verifier';

const idParamsSchema = z.strictObject({ id: z.uuid() });

const errors = {
  400: openApiSchema(serverErrorSchema, 'output'),
  401: openApiSchema(serverErrorSchema, 'output'),
  403: openApiSchema(serverErrorSchema, 'output'),
  404: openApiSchema(serverErrorSchema, 'output'),
};

/**
 * Passwords set in the app reach the server as verifiers (the app hashes with the same argon2id
 * options; the password never travels here). An administrator sets anyone's, a user only their
 * own. Other device tokens of the user stay valid: a token is a device's credential, revoked by an
 * administrator, and on a shared PC it may be the one the whole office syncs with.
 */
export function registerCredentialRoute(app: FastifyInstance, deps: ServerDeps): void {
  const { db, now } = deps;

  app.put(
    `${apiPrefix}/users/:id/credential`,
    {
      schema: {
        summary: "Set a user's password verifier, made in the app (administrators, or oneself)",
        tags: ['auth'],
        security: [{ bearer: [] }],
        params: openApiSchema(idParamsSchema),
        body: openApiSchema(setCredentialRequestSchema),
        response: { 200: openApiSchema(setCredentialResponseSchema, 'output'), ...errors },
      },
    },
    async (request) => {
      const auth = await authenticate(db, request.headers.authorization, now());
      const { id } = parseRequest(idParamsSchema, request.params);
      if (auth.user.id !== id && !auth.user.roles.includes('admin'))
        throw new ServerError('FORBIDDEN', "only an administrator sets another user's password");
      const { verifier, setAt } = parseRequest(setCredentialRequestSchema, request.body);
      if (!(await readUser(db, id))) throw new ServerError('NOT_FOUND', 'no such user');
      const nowMs = now();
      const stored = await storeVerifier(db, id, verifier, new Date(setAt), nowMs);
      // The audit line of who set whose password: never the verifier.
      request.log.info(
        {
          audit: 'credential.set',
          userId: id,
          by: auth.user.id,
          deviceId: auth.deviceId,
          setAt,
          stored,
        },
        stored ? 'password set' : 'password kept: a later one is already here',
      );
      return { stored, serverTime: nowMs };
    },
  );
}
