import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { appVersion } from '../app-version';
import type { ServerDeps } from '../server-deps';
import { serverProtocolVersion } from '../server-version';
import { openApiSchema } from './openapi-schema';

const healthSchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.enum(['ok', 'unreachable']),
  version: z.string(),
  protocol: z.int(),
  serverTime: z.int(),
});

/** For the load balancer and IT: 200 when the database answers, 503 when it does not. */
export function registerHealthRoute(app: FastifyInstance, deps: ServerDeps): void {
  const version = appVersion();
  app.get(
    '/health',
    {
      schema: {
        summary: 'Whether this instance and its database answer',
        tags: ['health'],
        response: {
          200: openApiSchema(healthSchema, 'output'),
          503: openApiSchema(healthSchema, 'output'),
        },
      },
    },
    async (_request, reply) => {
      const reachable = await deps.db.query('SELECT 1 AS ok').then(
        () => true,
        () => false,
      );
      return reply.status(reachable ? 200 : 503).send({
        status: reachable ? 'ok' : 'unavailable',
        database: reachable ? 'ok' : 'unreachable',
        version,
        protocol: serverProtocolVersion,
        serverTime: deps.now(),
      });
    },
  );
}
