import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { contentRange, parseByteRange } from '../http/byte-ranges';
import { errorBody, ServerError } from '../http/server-error';

export const updatesPrefix = '/updates';

/**
 * The names electron-builder gives a release's files (latest.yml, Maktab Setup 1.2.0.exe,
 * Maktab-1.2.0-x86_64.AppImage, their .blockmap): one flat folder, no path, no hidden file.
 */
const fileName = /^[A-Za-z0-9][A-Za-z0-9 ._+-]{0,199}$/;

const contentTypes: Readonly<Record<string, string>> = {
  '.yml': 'text/yaml; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
  '.exe': 'application/vnd.microsoft.portable-executable',
  '.appimage': 'application/vnd.appimage',
  '.deb': 'application/vnd.debian.binary-package',
  '.zip': 'application/zip',
  '.dmg': 'application/x-apple-diskimage',
  '.blockmap': 'application/octet-stream',
};

/** The file a request names, inside the folder even through a symbolic link, or null. */
async function resolveUpdateFile(root: string, name: string): Promise<string | null> {
  if (!fileName.test(name) || name.includes('..')) return null;
  try {
    const [folder, file] = await Promise.all([realpath(root), realpath(join(root, name))]);
    if (!file.startsWith(folder + sep)) return null;
    return (await stat(file)).isFile() ? file : null;
  } catch {
    return null;
  }
}

async function serveUpdate(root: string, request: FastifyRequest, reply: FastifyReply) {
  const name = (request.params as Record<string, string | undefined>)['*'] ?? '';
  const path = await resolveUpdateFile(root, name);
  if (path === null) throw new ServerError('NOT_FOUND', 'no such update file');
  const { size, mtime } = await stat(path);
  void reply
    .type(contentTypes[extname(name).toLowerCase()] ?? 'application/octet-stream')
    .header('accept-ranges', 'bytes')
    .header('last-modified', mtime.toUTCString())
    .header('x-content-type-options', 'nosniff')
    // latest*.yml says which version is current: always asked again. Installers never change.
    .header('cache-control', name.endsWith('.yml') ? 'no-cache' : 'public, max-age=86400');
  const range = parseByteRange(request.headers.range, size);
  if (range.kind === 'unsatisfiable') {
    return reply
      .status(416)
      .header('content-range', `bytes */${size}`)
      .type('application/json')
      .send(errorBody('VALIDATION', 'range: not satisfiable'));
  }
  const { start, end } = range.kind === 'part' ? range : { start: 0, end: size - 1 };
  if (range.kind === 'part')
    void reply.status(206).header('content-range', contentRange(range, size));
  void reply.header('content-length', String(Math.max(0, end - start + 1)));
  if (request.method === 'HEAD' || size === 0) return reply.send();
  return reply.send(createReadStream(path, { start, end }));
}

/**
 * electron-updater's generic feed (issue 4, item 12): the files of the published release, read
 * only, from one folder: no listing, nothing outside the folder (names are flat and checked, links
 * resolved), a missing name is a 404.
 */
export function registerUpdateRoutes(app: FastifyInstance, updatesDir: string): void {
  const root = resolve(updatesDir);
  app.route({
    method: ['GET', 'HEAD'],
    url: `${updatesPrefix}/*`,
    schema: {
      summary: 'The app update feed (latest.yml, installers, blockmaps)',
      tags: ['updates'],
    },
    handler: (request, reply) => serveUpdate(root, request, reply),
  });
}
