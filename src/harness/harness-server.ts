import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { Core } from '../core/core';
import { apiShimSource, harnessCallHeader } from './api-shim';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

// A 10 MB scan travels as base64 (about 13.4 MB) inside the JSON of the call.
const maxBodyBytes = 16 * 1024 * 1024;

export interface HarnessOptions {
  rendererDir: string;
  dataDir: string;
  port: number;
  host?: string;
}

export interface RunningHarness {
  url: string;
  server: Server;
  core: Core;
  close(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        reject(new Error('body too large'));
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  response.end(body);
}

function forbidden(response: ServerResponse): void {
  send(response, 403, 'text/plain', 'forbidden');
}

/**
 * Only our own page may reach the harness. The Host check defeats DNS rebinding (a foreign name
 * resolving to 127.0.0.1); the Origin check refuses other sites' requests outright.
 */
function isOwnRequest(request: IncomingMessage, port: number): boolean {
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  const host = request.headers.host?.toLowerCase();
  if (host === undefined || !hosts.includes(host)) return false;
  const origin = request.headers.origin;
  return (
    origin === undefined || hosts.some((allowed) => origin.toLowerCase() === `http://${allowed}`)
  );
}

/**
 * A call must be JSON and carry our custom header: a web page can send neither cross-site without a
 * CORS preflight, and the harness never approves one. So a `text/plain` form or fetch from another
 * site cannot run procedures as the signed-in user.
 */
function isHarnessCall(request: IncomingMessage): boolean {
  const mediaType = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  return mediaType === 'application/json' && request.headers[harnessCallHeader] === '1';
}

/**
 * Serves the production renderer bundle plus the core dispatcher over HTTP on loopback, so tests
 * and demos run the real app in a plain browser. Only the transport differs from the app.
 */
export function startHarness(options: HarnessOptions): Promise<RunningHarness> {
  const core = new Core({ dataDir: options.dataDir, timerIntervalMs: 15_000 });
  const rendererDir = resolve(options.rendererDir);
  const indexHtml = readFileSync(join(rendererDir, 'index.html'), 'utf8').replace(
    '<script type="module"',
    '<script src="/__harness/api.js"></script>\n    <script type="module"',
  );
  const eventStreams = new Set<ServerResponse>();
  core.on((event, payload) => {
    const data = `data: ${JSON.stringify({ event, payload })}\n\n`;
    for (const stream of eventStreams) stream.write(data);
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    if (!isOwnRequest(request, port)) {
      forbidden(response);
      return;
    }
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/__harness/call' && request.method === 'POST') {
      if (!isHarnessCall(request)) {
        forbidden(response);
        return;
      }
      let message: { name?: unknown; input?: unknown };
      try {
        message = JSON.parse(await readBody(request)) as { name?: unknown; input?: unknown };
      } catch {
        send(
          response,
          400,
          'application/json',
          JSON.stringify({ ok: false, error: { code: 'VALIDATION', message: 'bad request' } }),
        );
        return;
      }
      send(
        response,
        200,
        'application/json',
        JSON.stringify(core.dispatch(message.name, message.input)),
      );
      return;
    }
    if (url.pathname === '/__harness/events') {
      response.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      response.write(': connected\n\n');
      eventStreams.add(response);
      request.on('close', () => eventStreams.delete(response));
      return;
    }
    if (url.pathname === '/__harness/api.js') {
      send(response, 200, contentTypes['.js']!, apiShimSource());
      return;
    }
    if (url.pathname === '/' || url.pathname === '/index.html') {
      send(response, 200, contentTypes['.html']!, indexHtml);
      return;
    }
    const file = normalize(join(rendererDir, decodeURIComponent(url.pathname)));
    if (!file.startsWith(rendererDir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      send(response, 404, 'text/plain', 'not found');
      return;
    }
    response.writeHead(200, {
      'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'public, max-age=31536000, immutable',
    });
    response.end(readFileSync(file));
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error('[harness]', error);
      if (!response.headersSent) send(response, 500, 'text/plain', 'internal error');
    });
  });
  const host = options.host ?? '127.0.0.1';
  return new Promise((resolveStart, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : options.port;
      resolveStart({
        url: `http://${host}:${port}/`,
        server,
        core,
        close: () =>
          new Promise<void>((done) => {
            for (const stream of eventStreams) stream.end();
            server.close(() => {
              core.close();
              done();
            });
            server.closeAllConnections();
          }),
      });
    });
  });
}
