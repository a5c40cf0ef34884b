import type { FastifyInstance } from 'fastify';
import { communeToday } from '../../shared/complaints/legal-clock';
import {
  publicInfoRequestResponseSchema,
  publicInfoRequestSchema,
  publicInfoRequestStatusSchema,
  publicPath,
  publicStatisticsQuerySchema,
  publicStatisticsResponseSchema,
  publicStatusParamsSchema,
  publicStatusQuerySchema,
  statisticsMostDays,
  type PublicStatistics,
} from '../../shared/public-api';
import { apiPrefix } from '../../shared/sync/protocol';
import { openApiSchema } from '../http/openapi-schema';
import { parseRequest } from '../http/parse-request';
import { ServerError } from '../http/server-error';
import type { ServerDeps } from '../server-deps';
import { fileWebsiteInfoRequest } from './info-request-intake';
import { BriefCache, infoRequestStatistics, statisticsRange } from './info-request-statistics';
import { infoRequestStatus } from './info-request-status';
import {
  infoRequestSubmitLimit,
  publicBodyLimitBytes,
  statisticsLimit,
  statusLimit,
} from './public-limits';
import { takeHit } from './rate-limit';
import { serverCalendar } from './server-calendar';

const prefix = `${apiPrefix}${publicPath}/info-requests`;
/** Figures a minute old are fresh enough for a public page; the portal's own are monthly. */
const statisticsTtlMs = 60_000;

/**
 * The access-to-information portal of the commune's website (law 31-13): file a request, follow
 * it, and the register's public figures. Registered in the public scope (CORS, preflight).
 */
export function registerInfoRequestRoutes(
  scope: FastifyInstance,
  deps: ServerDeps,
  errors: Record<number, unknown>,
): void {
  const { db, now } = deps;
  const cache = new BriefCache<PublicStatistics>(statisticsTtlMs, 200);

  scope.post(
    prefix,
    {
      bodyLimit: publicBodyLimitBytes,
      schema: {
        summary: 'File an access-to-information request (law 31-13) from the website',
        tags: ['public'],
        body: openApiSchema(publicInfoRequestSchema),
        response: { 201: openApiSchema(publicInfoRequestResponseSchema, 'output'), ...errors },
      },
    },
    async (request, reply) => {
      const form = parseRequest(publicInfoRequestSchema, request.body);
      // Counted once valid, as for complaints.
      await takeHit(db, infoRequestSubmitLimit, request.ip, now());
      const filed = await fileWebsiteInfoRequest(db, form, now());
      return reply.status(201).send(filed);
    },
  );

  scope.get(
    `${prefix}/statistics`,
    {
      schema: {
        summary: 'The access-to-information figures of the commune for a period (no personal data)',
        tags: ['public'],
        querystring: openApiSchema(publicStatisticsQuerySchema),
        response: { 200: openApiSchema(publicStatisticsResponseSchema, 'output'), ...errors },
      },
    },
    async (request) => {
      const query = parseRequest(publicStatisticsQuerySchema, request.query);
      const nowMs = now();
      const today = communeToday(new Date(nowMs));
      const range = statisticsRange(query, today);
      if (Date.parse(range.to) - Date.parse(range.from) > statisticsMostDays * 86_400_000)
        throw new ServerError('VALIDATION', 'from: period_too_long');
      const key = `${range.from}|${range.to}|${today}`;
      const cached = cache.get(key, nowMs);
      if (cached) return cached;
      await takeHit(db, statisticsLimit, request.ip, nowMs);
      const figures = await infoRequestStatistics(db, await serverCalendar(db), range, today);
      cache.set(key, figures, nowMs);
      return figures;
    },
  );

  scope.get(
    `${prefix}/:tracking`,
    {
      schema: {
        summary: 'Where an access-to-information request stands (tracking number and secret)',
        tags: ['public'],
        querystring: openApiSchema(publicStatusQuerySchema),
        response: { 200: openApiSchema(publicInfoRequestStatusSchema, 'output'), ...errors },
      },
    },
    async (request) => {
      await takeHit(db, statusLimit, request.ip, now());
      const { tracking } = parseRequest(publicStatusParamsSchema, request.params);
      const { secret } = parseRequest(publicStatusQuerySchema, request.query);
      const status = await infoRequestStatus(db, tracking, secret);
      if (!status) throw new ServerError('NOT_FOUND', 'no such request');
      return status;
    },
  );
}
