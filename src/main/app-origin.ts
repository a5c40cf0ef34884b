import { pathToFileURL } from 'node:url';

/** Where the renderer's one document comes from: the bundled file, or the dev server in development. */
export type AppOrigin =
  { kind: 'file'; documentUrl: string } | { kind: 'dev-server'; origin: string };

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * The packaged app always loads its bundled file: an environment variable must not be able to point
 * an installed app at a server. In development, electron-vite's dev server on loopback is used.
 */
export function appOriginFor(options: {
  isPackaged: boolean;
  devServerUrl: string | undefined;
  rendererIndexFile: string;
}): AppOrigin {
  const dev = options.isPackaged || !options.devServerUrl ? null : parseUrl(options.devServerUrl);
  if (
    dev &&
    (dev.protocol === 'http:' || dev.protocol === 'https:') &&
    loopbackHosts.has(dev.hostname)
  ) {
    return { kind: 'dev-server', origin: dev.origin };
  }
  return { kind: 'file', documentUrl: pathToFileURL(options.rendererIndexFile).href };
}

/** A file path as Chromium and Node may spell it differently: percent-encoding, and drive-letter case on Windows. */
function comparablePath(url: URL): string | null {
  try {
    const path = decodeURIComponent(url.pathname);
    return /^\/[a-zA-Z]:\//.test(path) ? path.toLowerCase() : path;
  } catch {
    return null;
  }
}

/** True when `url` is our renderer's document (any hash route or query), nothing else. */
export function isAppDocument(url: string, app: AppOrigin): boolean {
  const candidate = parseUrl(url);
  if (!candidate) return false;
  if (app.kind === 'dev-server') return candidate.origin === app.origin;
  const document = new URL(app.documentUrl);
  if (candidate.protocol !== 'file:' || candidate.host !== document.host) return false;
  const path = comparablePath(candidate);
  return path !== null && path === comparablePath(document);
}
