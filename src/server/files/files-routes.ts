import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { attachmentMimeTypes } from '../../shared/complaints/complaint-values';
import { mayWriteColumn } from '../../shared/sync/change-guards';
import {
  fileMimeTypeSchema,
  fileParamsSchema,
  filesPath,
  maxFileBytes,
  sniffFileType,
  uploadOffsetHeader,
  uploadResponseSchema,
  type UploadResponse,
} from '../../shared/sync/files-protocol';
import { apiPrefix, serverErrorSchema } from '../../shared/sync/protocol';
import { readableColumns } from '../../shared/tables/define-table';
import { complaintAttachmentsTable } from '../../shared/tables/complaints.tables';
import { authenticate, type AuthContext } from '../auth/authenticate';
import { contentRange, parseByteRange } from '../http/byte-ranges';
import { openApiSchema } from '../http/openapi-schema';
import { parseRequest } from '../http/parse-request';
import { errorBody, ServerError } from '../http/server-error';
import type { ServerDeps } from '../server-deps';
import { findFile, insertFile, isAttached, readFileBytes, sha256Of } from './file-store';
import { addUploadPiece, parseContentRange } from './file-uploads';

const url = `${apiPrefix}${filesPath}/:sha256`;
const errors = Object.fromEntries(
  [400, 401, 403, 404, 409, 413, 415, 416, 426, 429].map((code) => [
    code,
    openApiSchema(serverErrorSchema, 'output'),
  ]),
);

function mayUpload(auth: AuthContext): boolean {
  const column = complaintAttachmentsTable.columns.sha256;
  return column !== undefined && mayWriteColumn(auth.user, column, '');
}

function mayDownload(auth: AuthContext): boolean {
  return readableColumns(complaintAttachmentsTable, auth.user.roles).includes('sha256');
}

/** `application/pdf; charset=…` is application/pdf. */
function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

function uploadAnswer(sha256: string, received: number, size: number): UploadResponse {
  return { sha256, received, size, complete: received === size };
}

async function upload(deps: ServerDeps, request: FastifyRequest, reply: FastifyReply) {
  const auth = await authenticate(deps.db, request.headers.authorization, deps.now());
  if (!mayUpload(auth)) throw new ServerError('FORBIDDEN', 'may not add attachments');
  const { sha256 } = parseRequest(fileParamsSchema, request.params);
  const mimeType = parseRequest(fileMimeTypeSchema, mediaType(request.headers['content-type']));
  const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
  const rangeHeader = request.headers['content-range'];

  // Idempotent: a file the server holds is never received twice, whichever way it is sent.
  const existing = await findFile(deps.db, sha256);
  if (existing) return reply.status(200).send(uploadAnswer(sha256, existing.size, existing.size));

  if (rangeHeader === undefined) {
    if (bytes.length === 0) throw new ServerError('VALIDATION', 'body: empty file');
    if (sha256Of(bytes) !== sha256) throw new ServerError('VALIDATION', 'sha256: not the content');
    if (sniffFileType(bytes) !== mimeType)
      throw new ServerError('VALIDATION', `content: not ${mimeType}`);
    const stored = await insertFile(deps.db, sha256, mimeType, bytes, deps.now());
    return reply.status(stored ? 201 : 200).send(uploadAnswer(sha256, bytes.length, bytes.length));
  }

  const piece = parseContentRange(rangeHeader, bytes, maxFileBytes);
  const outcome = await addUploadPiece(
    deps.db,
    { sha256, mimeType, userId: auth.user.id },
    piece,
    deps.now(),
  );
  switch (outcome.kind) {
    case 'complete':
      return reply
        .status(outcome.stored ? 201 : 200)
        .send(uploadAnswer(sha256, piece.total, piece.total));
    case 'partial':
      return reply
        .status(202)
        .header(uploadOffsetHeader, String(outcome.received))
        .send(uploadAnswer(sha256, outcome.received, piece.total));
    case 'wrong-offset':
      return reply
        .status(409)
        .header(uploadOffsetHeader, String(outcome.received))
        .send(errorBody('VALIDATION', `content-range: resume at ${outcome.received}`));
    case 'mismatch':
      throw new ServerError('VALIDATION', 'sha256: not the content');
  }
}

async function download(deps: ServerDeps, request: FastifyRequest, reply: FastifyReply) {
  const auth = await authenticate(deps.db, request.headers.authorization, deps.now());
  const { sha256 } = parseRequest(fileParamsSchema, request.params);
  // Not attached, not readable or not uploaded yet: the same 404, so nothing is learnt from it.
  const file =
    mayDownload(auth) && (await isAttached(deps.db, sha256))
      ? await findFile(deps.db, sha256)
      : null;
  if (!file) throw new ServerError('NOT_FOUND', 'no such file');

  void reply
    .header('accept-ranges', 'bytes')
    .header('etag', `"${sha256}"`)
    // Named by its content: it never changes. Private: it may hold a citizen's papers.
    .header('cache-control', 'private, max-age=31536000, immutable')
    .header('x-content-type-options', 'nosniff')
    .header('content-disposition', 'attachment')
    .type(file.mimeType);
  const range = parseByteRange(request.headers.range, file.size);
  if (range.kind === 'unsatisfiable') {
    return reply
      .status(416)
      .header('content-range', `bytes */${file.size}`)
      .type('application/json')
      .send(errorBody('VALIDATION', 'range: not satisfiable'));
  }
  const { start, end } = range.kind === 'part' ? range : { start: 0, end: file.size - 1 };
  if (range.kind === 'part')
    void reply.status(206).header('content-range', contentRange(range, file.size));
  void reply.header('content-length', String(end - start + 1));
  if (request.method === 'HEAD') return reply.send();
  return reply.send(await readFileBytes(deps.db, sha256, start, end - start + 1));
}

/**
 * Attachments by SHA-256 (shared/sync/files-protocol.ts). In their own scope, so only these routes
 * take raw PDF, JPEG and PNG bodies, up to the attachment limit.
 */
export async function registerFileRoutes(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  await app.register((scope, _options, done) => {
    scope.addContentTypeParser(
      [...attachmentMimeTypes],
      { parseAs: 'buffer', bodyLimit: maxFileBytes },
      (_request, body, parsed) => parsed(null, body),
    );
    scope.put(
      url,
      {
        bodyLimit: maxFileBytes,
        schema: {
          summary: 'Upload an attachment by its SHA-256 (whole, or in pieces with Content-Range)',
          tags: ['files'],
          security: [{ bearer: [] }],
          response: {
            200: openApiSchema(uploadResponseSchema, 'output'),
            201: openApiSchema(uploadResponseSchema, 'output'),
            202: openApiSchema(uploadResponseSchema, 'output'),
            ...errors,
          },
        },
      },
      (request, reply) => upload(deps, request, reply),
    );
    // Before GET: Fastify would otherwise make HEAD run GET and read the bytes for nothing.
    scope.head(url, { schema: { hide: true } }, (request, reply) => download(deps, request, reply));
    scope.get(
      url,
      {
        schema: {
          summary: 'Download an attachment (Range resumes it)',
          tags: ['files'],
          security: [{ bearer: [] }],
          response: errors,
        },
      },
      (request, reply) => download(deps, request, reply),
    );
    done();
  });
}
