import type { FastifyInstance } from 'fastify';
import {
  publicPath,
  publicStatusParamsSchema,
  publicStatusQuerySchema,
  publicStatusResponseSchema,
  publicSubmissionResponseSchema,
  publicSubmissionSchema,
} from '../../shared/public-api';
import { apiPrefix, serverErrorSchema } from '../../shared/sync/protocol';
import { openApiSchema } from '../http/openapi-schema';
import { parseRequest } from '../http/parse-request';
import { ServerError } from '../http/server-error';
import type { ServerDeps } from '../server-deps';
import { publicStatus } from './public-status';
import { takeHit, type RateLimit } from './rate-limit';
import { fileWebsiteSubmission } from './website-intake';

const prefix = `${apiPrefix}${publicPath}`;
const hour = 3_600_000;
/** A citizen files a few cases at most; a script filing hundreds is stopped at the fifth. */
export const submitLimit: RateLimit = { action: 'submit', limit: 5, windowMs: hour };
/** Checking a case's progress often is fine; trying secrets by the thousand is not. */
export const statusLimit: RateLimit = { action: 'status', limit: 60, windowMs: hour };
/** The largest form: 5,000 Arabic characters of description, escaped, and the rest. */
export const publicBodyLimitBytes = 64 * 1024;

const errors = Object.fromEntries(
  [400, 404, 413, 415, 429].map((code) => [code, openApiSchema(serverErrorSchema, 'output')]),
);

/**
 * What the commune's website calls, without an account (shared/public-api.ts). The website is on
 * another origin, and these answers hold nothing a cookie would unlock, so any origin may read
 * them (CORS `*`).
 */
export async function registerPublicRoutes(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  const { db, now } = deps;
  await app.register((scope, _options, done) => {
    scope.addHook('onSend', (_request, reply, payload, next) => {
      void reply.header('access-control-allow-origin', '*');
      next(null, payload);
    });
    scope.options(`${prefix}/*`, { schema: { hide: true } }, (_request, reply) =>
      reply
        .status(204)
        .header('access-control-allow-methods', 'GET, POST, OPTIONS')
        .header('access-control-allow-headers', 'content-type')
        .header('access-control-max-age', '86400')
        .send(),
    );

    scope.post(
      `${prefix}/complaints`,
      {
        bodyLimit: publicBodyLimitBytes,
        schema: {
          summary: 'File a complaint, observation or suggestion from the website',
          tags: ['public'],
          body: openApiSchema(publicSubmissionSchema),
          response: { 201: openApiSchema(publicSubmissionResponseSchema, 'output'), ...errors },
        },
      },
      async (request, reply) => {
        const submission = parseRequest(publicSubmissionSchema, request.body);
        // Counted once valid: a citizen correcting a typo is not spending the address's budget.
        await takeHit(db, submitLimit, request.ip, now());
        const filed = await fileWebsiteSubmission(db, submission, now());
        return reply.status(201).send(filed);
      },
    );

    scope.get(
      `${prefix}/complaints/:tracking`,
      {
        schema: {
          summary: 'Where a website submission stands (tracking number and secret)',
          tags: ['public'],
          querystring: openApiSchema(publicStatusQuerySchema),
          response: { 200: openApiSchema(publicStatusResponseSchema, 'output'), ...errors },
        },
      },
      async (request) => {
        await takeHit(db, statusLimit, request.ip, now());
        const { tracking } = parseRequest(publicStatusParamsSchema, request.params);
        const { secret } = parseRequest(publicStatusQuerySchema, request.query);
        const status = await publicStatus(db, tracking, secret);
        if (!status) throw new ServerError('NOT_FOUND', 'no such submission');
        return status;
      },
    );
    done();
  });
}
