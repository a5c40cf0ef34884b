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
import { fileWebsiteSubmission } from './complaint-intake';
import { registerInfoRequestRoutes } from './info-request-routes';
import { publicBodyLimitBytes, statusLimit, submitLimit } from './public-limits';
import { publicStatus } from './public-status';
import { takeHit } from './rate-limit';

const prefix = `${apiPrefix}${publicPath}`;

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
        .header('access-control-allow-headers', 'content-type, if-none-match')
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

    registerInfoRequestRoutes(scope, deps, errors);
    done();
  });
}
