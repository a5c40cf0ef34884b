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
import { errorBody, ServerError } from '../http/server-error';
import type { ServerDeps } from '../server-deps';
import { authenticate } from './authenticate';
import { holdsVerifier, isCurrentPassword } from './current-password';
import { readUser } from './server-users';
import { storeVerifier } from './store-verifier';

const idParamsSchema = z.strictObject({ id: z.uuid() });

const errors = {
  400: openApiSchema(serverErrorSchema, 'output'),
  401: openApiSchema(serverErrorSchema, 'output'),
  403: openApiSchema(serverErrorSchema, 'output'),
  404: openApiSchema(serverErrorSchema, 'output'),
  429: openApiSchema(serverErrorSchema, 'output'),
};

/**
 * Passwords set in the app reach the server as verifiers (the app hashes with the same argon2id
 * options; the new password never travels here). An administrator sets anyone else's with their
 * token alone. One's own needs the current password too (ASVS 2.1.6): a device token is a PC's
 * revocable credential, and a copy of it must not become the account, kept after the revocation.
 * Other device tokens of the user stay valid: a token is a device's credential, revoked by an
 * administrator, and on a shared PC it may be the one the whole office syncs with.
 */
export function registerCredentialRoute(app: FastifyInstance, deps: ServerDeps): void {
  const { db, now } = deps;

  app.put(
    `${apiPrefix}/users/:id/credential`,
    {
      schema: {
        summary:
          "Set a user's password verifier, made in the app (administrators; oneself with the current password)",
        tags: ['auth'],
        security: [{ bearer: [] }],
        params: openApiSchema(idParamsSchema),
        body: openApiSchema(setCredentialRequestSchema),
        response: { 200: openApiSchema(setCredentialResponseSchema, 'output'), ...errors },
      },
    },
    async (request, reply) => {
      const auth = await authenticate(db, request.headers.authorization, now());
      const { id } = parseRequest(idParamsSchema, request.params);
      const own = auth.user.id === id;
      if (!own && !auth.user.roles.includes('admin'))
        throw new ServerError('FORBIDDEN', "only an administrator sets another user's password");
      const { verifier, setAt, currentPassword } = parseRequest(
        setCredentialRequestSchema,
        request.body,
      );
      if (own && currentPassword === undefined)
        throw new ServerError('VALIDATION', "currentPassword: required for one's own password");
      // Never sent where it is not checked: a password travels only when it must.
      if (!own && currentPassword !== undefined)
        throw new ServerError('VALIDATION', "currentPassword: only for one's own password");
      if (!(await readUser(db, id))) throw new ServerError('NOT_FOUND', 'no such user');
      if (
        currentPassword !== undefined &&
        // The same entry again (its answer was lost): it changes nothing, and the password it
        // was sent with is no longer the current one.
        !(await holdsVerifier(db, id, verifier)) &&
        !(await isCurrentPassword(db, auth.user, currentPassword, request.ip, now()))
      ) {
        request.log.info(
          { audit: 'credential.refused', userId: id, by: auth.user.id, deviceId: auth.deviceId },
          'password kept: the current password given is wrong',
        );
        // 403, not 401: the token is good, so the app must not take it for a revoked one.
        return reply
          .status(403)
          .send(errorBody('INVALID_CREDENTIALS', 'the current password is wrong'));
      }
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
