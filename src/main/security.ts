import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import { isAppDocument, type AppOrigin } from './app-origin';

// Every guard of DESIGN.md "Security" as a pure function; harden.ts attaches them to Electron.

/** The preload is bundled as CommonJS so that it can run in the sandbox. */
export function preloadPathFor(mainBundleDir: string): string {
  return join(mainBundleDir, '..', 'preload', 'index.cjs');
}

export function secureWebPreferences(options: {
  preload: string;
  devTools: boolean;
}): WebPreferences {
  return {
    preload: options.preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    devTools: options.devTools,
  };
}

export function mainWindowOptions(options: {
  preload: string;
  devTools: boolean;
}): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    title: 'Maktab',
    // Shown on 'ready-to-show' so the clerk never sees an empty white frame.
    show: false,
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(options),
  };
}

// @vitejs/plugin-react's inline Fast Refresh preamble (dev server only), allowed by hash, not by 'unsafe-inline'.
const reactRefreshPreamble = `import { injectIntoGlobalHook } from "/@react-refresh";
injectIntoGlobalHook(window);
window.$RefreshReg$ = () => {};
window.$RefreshSig$ = () => (type) => type;`;

function sha256Source(text: string): string {
  return `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
}

/**
 * The script sources only the dev server needs: the Fast Refresh preamble's hash. The header policy
 * adds them in development, and so does electron.vite.config.ts's plugin to index.html's meta CSP.
 */
export const devServerScriptSources: readonly string[] = [sha256Source(reactRefreshPreamble)];

/**
 * Only our own bundle runs; nothing remote is loaded, framed, posted to or embedded. Styles allow
 * inline because MUI's emotion injects <style> tags at run time.
 */
export function contentSecurityPolicy(options: { devServer: boolean }): string {
  const directives: [string, string[]][] = [
    ['default-src', ["'none'"]],
    ['script-src', ["'self'", ...(options.devServer ? devServerScriptSources : [])]],
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['font-src', ["'self'", 'data:']],
    ['connect-src', ["'self'"]],
    ['worker-src', ["'self'"]],
    ['manifest-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['frame-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/** Response headers with our CSP in place of whatever the response carried. */
export function withContentSecurityPolicy(
  headers: Record<string, string[]> | undefined,
  policy: string,
): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const lower = name.toLowerCase();
    if (lower === 'content-security-policy' || lower === 'content-security-policy-report-only')
      continue;
    result[name] = value;
  }
  result['Content-Security-Policy'] = [policy];
  return result;
}

/** The window may only (re)load our own document, in its main frame; everything else is refused. */
export function isAllowedNavigation(url: string, isMainFrame: boolean, app: AppOrigin): boolean {
  return isMainFrame && isAppDocument(url, app);
}

/** Sites a clerk may be sent to, in the system browser: the commune and the national portals. */
export const externalLinkHosts: readonly string[] = [
  'ksarelkebir.ma',
  'chafafiya.ma',
  'chikaya.ma',
];

export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password || parsed.port)
    return false;
  const host = parsed.hostname.toLowerCase();
  return externalLinkHosts.some((allowed) => host === allowed || host === `www.${allowed}`);
}

export type OpenExternal = (url: string) => Promise<void>;

/** Opens `url` in the system browser only if the allow-list has it; true when it was handed over. */
export function openExternalIfAllowed(
  url: string,
  openExternal: OpenExternal,
  log: { error(...values: unknown[]): void } = console,
): boolean {
  if (!isAllowedExternalUrl(url)) return false;
  openExternal(url).catch((error: unknown) => log.error('[main] could not open link', error));
  return true;
}

/** window.open and target=_blank never make a window: allowed links go to the system browser. */
export function windowOpenHandler(
  openExternal: OpenExternal,
): (details: { url: string }) => { action: 'deny' } {
  return (details) => {
    openExternalIfAllowed(details.url, openExternal);
    return { action: 'deny' };
  };
}

/** Camera, microphone, geolocation, notifications, clipboard reads...: the back office needs none. */
export function denyPermissionRequest(
  _webContents: unknown,
  _permission: string,
  callback: (granted: boolean) => void,
): void {
  callback(false);
}

export function denyPermissionCheck(): boolean {
  return false;
}

/** The part of Electron's WebFrameMain the sender check reads. */
export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
}

/** An IPC call is ours only from the main frame of a window showing our document. */
export function isTrustedSender(frame: FrameLike | null | undefined, app: AppOrigin): boolean {
  if (!frame || frame.parent !== null) return false;
  return isAppDocument(frame.url, app);
}
