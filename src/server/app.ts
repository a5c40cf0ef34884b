import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { publicPath } from '../shared/public-api';
import { apiPrefix, protocolHeader } from '../shared/sync/protocol';
import { appVersion } from './app-version';
import { registerAuthRoutes } from './auth/auth-routes';
import type { ServerDb } from './db/server-db';
import { registerHealthRoute } from './http/health-route';
import { checkProtocol } from './http/protocol-guard';
import { errorBody, ServerError } from './http/server-error';
import { scheduleFileCleanup } from './files/file-cleanup-timer';
import { registerFileRoutes } from './files/files-routes';
import { registerNewsFeedRoutes } from './public/news-feed-routes';
import { registerPublicRoutes } from './public/public-routes';
import type { ServerDeps } from './server-deps';
import { registerSyncRoutes } from './sync/sync-routes';
import { registerUpdateRoutes } from './updates/update-routes';

/** A push of 500 changes is far below this; anything larger is refused before it is parsed. */
export const bodyLimitBytes = 5 * 1024 * 1024;

export interface ServerOptions {
  db: ServerDb;
  now?: () => number;
  /** Fastify's pino logger: JSON lines; false in tests. */
  logger?: FastifyServerOptions['logger'];
  /** Behind a TLS proxy: trust its X-Forwarded-For, so rate limits see the real address. */
  trustProxy?: FastifyServerOptions['trustProxy'];
  /** electron-updater's feed, served at /updates/ (server-config.ts); none when undefined. */
  updatesDir?: string | undefined;
  /** The commune's website, which the news feed's items link to (server-config.ts). */
  websiteUrl?: string | undefined;
}

/** The pino options of production: never a body, never a token or a password. */
export const productionLogger: FastifyServerOptions['logger'] = {
  level: process.env.LOG_LEVEL ?? 'info',
  redact: ['req.headers.authorization', 'req.body', 'res.body'],
};

function fastifyCode(error: unknown): { statusCode?: unknown; code?: unknown } {
  return typeof error === 'object' && error !== null ? error : {};
}

/**
 * The central server (DESIGN.md, Central server): stateless, so several instances can serve the
 * same clients from one PostgreSQL. Every body, query and header is checked with the shared zod
 * schemas; every malformed request gets a 4xx with `{ error: { code, message } }`.
 */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const deps: ServerDeps = { db: options.db, now: options.now ?? (() => Date.now()) };
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: bodyLimitBytes,
    trustProxy: options.trustProxy ?? false,
  });
  // zod validates (http/parse-request.ts); the route schemas only document the API at /docs.
  app.setValidatorCompiler(() => (data: unknown) => ({ value: data }));
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof ServerError) {
      if (error.retryAfterSeconds !== undefined)
        void reply.header('retry-after', String(error.retryAfterSeconds));
      return reply.status(error.statusCode).send(errorBody(error.code, error.message));
    }
    const { statusCode, code } = fastifyCode(error);
    if (statusCode === 413)
      return reply.status(413).send(errorBody('PAYLOAD_TOO_LARGE', 'request body too large'));
    if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
      const detail = typeof code === 'string' ? code : 'malformed request';
      return reply.status(statusCode).send(errorBody('VALIDATION', detail));
    }
    request.log.error({ err: error }, 'request failed');
    return reply.status(500).send(errorBody('INTERNAL', 'internal error'));
  });
  app.setNotFoundHandler((_request, reply) =>
    reply.status(404).send(errorBody('NOT_FOUND', 'no such route')),
  );
  app.addHook('onRequest', (request, _reply, done) => {
    try {
      // The website's calls are no app's: they carry no protocol version to check.
      const fromApp =
        request.url.startsWith(`${apiPrefix}/`) &&
        !request.url.startsWith(`${apiPrefix}${publicPath}/`);
      if (fromApp) checkProtocol(request.headers[protocolHeader]);
      done();
    } catch (error) {
      done(error as Error);
    }
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Maktab central server',
        description:
          'Sync (push, pull), sign-in, devices and files: every such call carries x-maktab-protocol. The website calls /api/v1/public without it. The update feed is at /updates/.',
        version: appVersion(),
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  registerHealthRoute(app, deps);
  registerAuthRoutes(app, deps);
  registerSyncRoutes(app, deps);
  await registerFileRoutes(app, deps);
  scheduleFileCleanup(app, deps);
  await registerPublicRoutes(app, deps);
  await registerNewsFeedRoutes(app, deps, options.websiteUrl);
  if (options.updatesDir !== undefined) registerUpdateRoutes(app, options.updatesDir);
  return app;
}
