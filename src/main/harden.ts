import type { AppOrigin } from './app-origin';
import {
  denyPermissionCheck,
  denyPermissionRequest,
  isAllowedNavigation,
  openExternalIfAllowed,
  windowOpenHandler,
  withContentSecurityPolicy,
  type OpenExternal,
} from './security';

// Attaches security.ts's guards to Electron objects, typed by the few members used so tests can fake them.

interface NavigationEvent {
  readonly url: string;
  readonly isMainFrame: boolean;
  preventDefault(): void;
}

/** The members of Electron's WebContents that the guards use. */
export interface GuardedContents {
  on(event: 'will-frame-navigate', listener: (details: NavigationEvent) => void): unknown;
  on(event: 'will-redirect', listener: (details: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** The members of Electron's Session that the guards use. */
export interface GuardedSession {
  setPermissionRequestHandler(
    handler: (
      webContents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
    ) => void,
  ): void;
  setPermissionCheckHandler(handler: () => boolean): void;
  webRequest: {
    onHeadersReceived(
      listener: (
        details: { responseHeaders?: Record<string, string[]> },
        callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
      ) => void,
    ): void;
  };
}

/** Every webContents: no navigation away from our document, no new windows, no <webview>. */
export function hardenWebContents(
  contents: GuardedContents,
  app: AppOrigin,
  openExternal: OpenExternal,
): void {
  const guardNavigation = (details: NavigationEvent): void => {
    if (isAllowedNavigation(details.url, details.isMainFrame, app)) return;
    details.preventDefault();
    // A plain link to an allowed site is what the clerk meant to open: hand it to the system browser.
    if (details.isMainFrame) openExternalIfAllowed(details.url, openExternal);
  };
  contents.on('will-frame-navigate', guardNavigation);
  contents.on('will-redirect', (details) => {
    if (!isAllowedNavigation(details.url, details.isMainFrame, app)) details.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(windowOpenHandler(openExternal));
}

/** The session: every permission refused, our CSP on every response. */
export function hardenSession(session: GuardedSession, policy: string): void {
  session.setPermissionRequestHandler(denyPermissionRequest);
  session.setPermissionCheckHandler(denyPermissionCheck);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, policy) });
  });
}
