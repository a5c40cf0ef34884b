import { EventEmitter } from 'node:events';
import { describe, expect, it, vi, type Mock } from 'vitest';
import type { AppOrigin } from './app-origin';
import {
  hardenSession,
  hardenWebContents,
  type GuardedContents,
  type GuardedSession,
} from './harden';
import type { OpenExternal } from './security';

const app: AppOrigin = { kind: 'file', documentUrl: 'file:///opt/maktab/out/renderer/index.html' };

class FakeContents extends EventEmitter implements GuardedContents {
  openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.openHandler = handler;
  }
  /** Emits a navigation event the way Electron does and says whether a guard prevented it. */
  navigate(
    event: 'will-frame-navigate' | 'will-redirect',
    url: string,
    isMainFrame = true,
  ): boolean {
    let prevented = false;
    this.emit(event, { url, isMainFrame, preventDefault: () => (prevented = true) });
    return prevented;
  }
}

function hardened(): { contents: FakeContents; openExternal: Mock<OpenExternal> } {
  const contents = new FakeContents();
  const openExternal = vi.fn<OpenExternal>(() => Promise.resolve());
  hardenWebContents(contents, app, openExternal);
  return { contents, openExternal };
}

describe('hardenWebContents', () => {
  it('prevents navigation away from our document, in any frame, and through redirects', () => {
    const { contents } = hardened();
    expect(contents.navigate('will-frame-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.navigate('will-frame-navigate', 'file:///etc/passwd')).toBe(true);
    expect(
      contents.navigate(
        'will-frame-navigate',
        `${app.kind === 'file' ? app.documentUrl : ''}`,
        false,
      ),
    ).toBe(true);
    expect(contents.navigate('will-redirect', 'https://evil.example/')).toBe(true);
    expect(
      contents.navigate('will-frame-navigate', 'file:///opt/maktab/out/renderer/index.html#/home'),
    ).toBe(false);
  });

  it('sends a clicked allowed link to the system browser instead of the window', () => {
    const { contents, openExternal } = hardened();
    expect(contents.navigate('will-frame-navigate', 'https://chafafiya.ma/demande')).toBe(true);
    expect(contents.navigate('will-frame-navigate', 'https://evil.example/')).toBe(true);
    expect(openExternal.mock.calls).toEqual([['https://chafafiya.ma/demande']]);
  });

  it('denies new windows', () => {
    const { contents, openExternal } = hardened();
    expect(contents.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'https://ksarelkebir.ma/' })).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://ksarelkebir.ma/']]);
  });

  it('refuses to attach a <webview>', () => {
    const { contents } = hardened();
    const preventDefault = vi.fn();
    contents.emit('will-attach-webview', { preventDefault });
    expect(preventDefault).toHaveBeenCalled();
  });
});

describe('hardenSession', () => {
  function fakeSession(): GuardedSession & {
    request?: Parameters<GuardedSession['setPermissionRequestHandler']>[0];
    check?: () => boolean;
    headers?: Parameters<GuardedSession['webRequest']['onHeadersReceived']>[0];
  } {
    const session: ReturnType<typeof fakeSession> = {
      setPermissionRequestHandler: (handler) => (session.request = handler),
      setPermissionCheckHandler: (handler) => (session.check = handler),
      webRequest: { onHeadersReceived: (listener) => (session.headers = listener) },
    };
    return session;
  }

  it('denies every permission request the session receives', () => {
    const session = fakeSession();
    hardenSession(session, "default-src 'none'");
    const callback = vi.fn();
    session.request?.({}, 'media', callback);
    expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    expect(session.check?.()).toBe(false);
  });

  it('puts our CSP on every response', () => {
    const session = fakeSession();
    hardenSession(session, "default-src 'none'");
    const callback = vi.fn();
    session.headers?.(
      { responseHeaders: { 'Content-Security-Policy': ['script-src *'] } },
      callback,
    );
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Security-Policy': ["default-src 'none'"] },
    });
  });
});
