/**
 * A server in its own Node process, so the browser benchmarks time and weigh it apart from the
 * benchmark's own process (Playwright's client lives there):
 *
 *   harness <rendererDir> <dataDir>  the app's harness (src/harness/harness-server.ts), with core
 *   static                           a plain node:http server of one trivial page (the baseline)
 *
 * Started by support/servers.ts with `node --import tsx --expose-gc`; talks over the IPC channel.
 */
import { createServer, type Server } from 'node:http';
import type { ChildMessage, ParentMessage } from './server-protocol';
import { staticSignInPage } from './static-page';

function listen(server: Server): Promise<string> {
  return new Promise((resolveUrl, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolveUrl(`http://127.0.0.1:${port}/`);
    });
  });
}

async function start(): Promise<{ url: string; close: () => Promise<void> }> {
  const [mode, rendererDir, dataDir] = process.argv.slice(2);
  if (mode === 'harness' && rendererDir && dataDir) {
    // Imported here, so the baseline process never loads core.
    const { startHarness } = await import('../../src/harness/harness-server');
    const harness = await startHarness({ rendererDir, dataDir, port: 0 });
    return { url: harness.url, close: () => harness.close() };
  }
  if (mode === 'static') {
    const page = Buffer.from(staticSignInPage, 'utf8');
    const server = createServer((request, response) => {
      response.writeHead(request.url === '/' ? 200 : 404, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
      });
      response.end(request.url === '/' ? page : 'not found');
    });
    const url = await listen(server);
    return {
      url,
      close: () =>
        new Promise<void>((done) => {
          server.close(() => done());
          server.closeAllConnections();
        }),
    };
  }
  throw new Error(`usage: server-child.ts harness <rendererDir> <dataDir> | static`);
}

function send(message: ChildMessage): void {
  process.send?.(message);
}

const running = await start();
process.on('message', (message: ParentMessage) => {
  if (message.type === 'memory') {
    const asIs = process.memoryUsage();
    const collect = (globalThis as { gc?: () => void }).gc;
    collect?.();
    send({ type: 'memory', asIs, afterGc: collect ? process.memoryUsage() : null });
  } else if (message.type === 'stop') {
    void running.close().then(() => process.exit(0));
  }
});
send({ type: 'ready', url: running.url });
