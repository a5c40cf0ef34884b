import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  newsFeedQuerySchema,
  newsFeedResponseSchema,
  newsJsonPath,
  newsRssPath,
  type NewsFeedQuery,
} from '../../shared/news-feed-api';
import { apiPrefix, serverErrorSchema } from '../../shared/sync/protocol';
import { openApiSchema } from '../http/openapi-schema';
import { parseRequest } from '../http/parse-request';
import { defaultWebsiteUrl } from '../server-config';
import type { ServerDeps } from '../server-deps';
import { etagMatches, newsFeedPage, newsFeedState, type NewsPage } from './news-feed';
import { takeHit, type RateLimit } from './rate-limit';
import { newsRss } from './rss';

/**
 * The website polls every minute and feed readers now and then: far above either, but a script
 * looping on the feed from one address is stopped.
 */
export const newsLimit: RateLimit = { action: 'news', limit: 600, windowMs: 3_600_000 };
/** As often as the website polls: a proxy or browser in between may keep the answer that long. */
export const newsCacheControl = 'public, max-age=60';

const errors = Object.fromEntries(
  [400, 429].map((code) => [code, openApiSchema(serverErrorSchema, 'output')]),
);
const notModified = { 304: { description: 'Not modified since the ETag given', type: 'null' } };

/**
 * The news feed of published articles, as JSON for the website and RSS 2.0 for feed readers
 * (shared/news-feed-api.ts). Like the other public routes, readable from any origin (CORS `*`):
 * it holds only what the commune already published.
 */
export async function registerNewsFeedRoutes(
  app: FastifyInstance,
  deps: ServerDeps,
  websiteUrl: string = defaultWebsiteUrl,
): Promise<void> {
  const { db, now } = deps;

  /** The page for the query, or null once the reply is a 304 (the texts are then not read). */
  async function pageOrNotModified(
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<{ query: NewsFeedQuery; page: NewsPage } | null> {
    await takeHit(db, newsLimit, request.ip, now());
    const query = parseRequest(newsFeedQuerySchema, request.query);
    const state = await newsFeedState(db, query.lang, now(), websiteUrl);
    void reply.header('cache-control', newsCacheControl).header('etag', state.etag);
    if (etagMatches(request.headers['if-none-match'], state.etag)) return null;
    return { query, page: await newsFeedPage(db, state, query, websiteUrl) };
  }

  await app.register((scope, _options, done) => {
    scope.addHook('onSend', (_request, reply, payload, next) => {
      void reply.header('access-control-allow-origin', '*');
      next(null, payload);
    });

    scope.get(
      `${apiPrefix}${newsJsonPath}`,
      {
        schema: {
          summary: 'Published news articles in one language, newest first (JSON)',
          tags: ['public'],
          querystring: openApiSchema(newsFeedQuerySchema),
          response: {
            200: openApiSchema(newsFeedResponseSchema, 'output'),
            ...notModified,
            ...errors,
          },
        },
      },
      async (request, reply) => {
        const found = await pageOrNotModified(request, reply);
        if (!found) return reply.status(304).send();
        const { query, page } = found;
        return reply
          .type('application/json; charset=utf-8')
          .send({ lang: query.lang, items: page.items, nextBefore: page.nextBefore });
      },
    );

    scope.get(
      `${apiPrefix}${newsRssPath}`,
      {
        schema: {
          summary: 'Published news articles in one language, newest first (RSS 2.0)',
          tags: ['public'],
          querystring: openApiSchema(newsFeedQuerySchema),
          response: {
            200: {
              description: 'An RSS 2.0 document',
              content: { 'application/rss+xml': { schema: { type: 'string' } } },
            },
            ...notModified,
            ...errors,
          },
        },
      },
      async (request, reply) => {
        const found = await pageOrNotModified(request, reply);
        if (!found) return reply.status(304).send();
        const { query, page } = found;
        // The feed's own address as the caller reached it (behind the TLS proxy: its https).
        const selfUrl = `${request.protocol}://${request.host}${request.url}`;
        return reply
          .type('application/rss+xml; charset=utf-8')
          .send(newsRss(page, query.lang, websiteUrl, selfUrl));
      },
    );
    done();
  });
}
