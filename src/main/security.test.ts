import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import viteConfig from '../../electron.vite.config';
import { appOriginFor, type AppOrigin } from './app-origin';
import {
  contentSecurityPolicy,
  denyPermissionCheck,
  denyPermissionRequest,
  isAllowedExternalUrl,
  isAllowedNavigation,
  isTrustedSender,
  mainWindowOptions,
  openExternalIfAllowed,
  preloadPathFor,
  windowOpenHandler,
  withContentSecurityPolicy,
  type FrameLike,
} from './security';

const mainDir = join('/opt', 'Maktab', 'resources', 'app.asar', 'out', 'main');
const indexFile = join(mainDir, '..', 'renderer', 'index.html');
const documentUrl = pathToFileURL(indexFile).href;
const packaged: AppOrigin = appOriginFor({
  isPackaged: true,
  devServerUrl: undefined,
  rendererIndexFile: indexFile,
});
const devServer: AppOrigin = appOriginFor({
  isPackaged: false,
  devServerUrl: 'http://localhost:5173',
  rendererIndexFile: indexFile,
});
const preferences = mainWindowOptions({
  preload: preloadPathFor(mainDir),
  devTools: false,
}).webPreferences;

/** Splits a policy into directive -> sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

function frame(url: string, parent: FrameLike | null = null): FrameLike {
  return { url, parent };
}

describe('Electron checklist: window options', () => {
  it('isolates the preload context from the page (contextIsolation)', () => {
    expect(preferences?.contextIsolation).toBe(true);
  });

  it('keeps the renderer sandboxed, with a preload bundled as CommonJS so the sandbox can run it', () => {
    expect(preferences?.sandbox).toBe(true);
    expect(preferences?.preload).toBe(join(mainDir, '..', 'preload', 'index.cjs'));
    const output = viteConfig.preload?.build?.rollupOptions?.output;
    expect(output).toMatchObject({ format: 'cjs', entryFileNames: '[name].cjs' });
  });

  it('gives the page no Node.js, in frames or workers (nodeIntegration off)', () => {
    expect(preferences?.nodeIntegration).toBe(false);
    expect(preferences?.nodeIntegrationInSubFrames).toBe(false);
    expect(preferences?.nodeIntegrationInWorker).toBe(false);
    expect(preferences?.webviewTag).toBe(false);
  });

  it('keeps the same-origin policy and refuses mixed content (webSecurity on)', () => {
    expect(preferences?.webSecurity).toBe(true);
    expect(preferences?.allowRunningInsecureContent).toBe(false);
    expect(preferences?.experimentalFeatures).toBe(false);
  });
});

describe('Electron checklist: strict Content-Security-Policy', () => {
  for (const devServerMode of [false, true]) {
    it(`runs only our bundle (${devServerMode ? 'dev server' : 'packaged'})`, () => {
      const policy = contentSecurityPolicy({ devServer: devServerMode });
      const map = directives(policy);
      expect(policy).not.toContain('unsafe-eval');
      expect(map.get('default-src')).toEqual(["'none'"]);
      expect(map.get('script-src')?.[0]).toBe("'self'");
      // Beyond 'self', only the hash of one known inline script, and only for the dev server.
      expect(map.get('script-src')?.slice(1)).toEqual(
        devServerMode ? [expect.stringMatching(/^'sha256-[A-Za-z0-9+/]+=*'$/)] : [],
      );
      expect(map.get('object-src')).toEqual(["'none'"]);
      expect(map.get('frame-ancestors')).toEqual(["'none'"]);
      expect(map.get('base-uri')).toEqual(["'none'"]);
      expect(map.get('frame-src')).toEqual(["'none'"]);
      // No remote origin anywhere: every source is a keyword, a hash, or a local scheme.
      for (const sources of map.values()) {
        for (const source of sources) expect(source).toMatch(/^('[a-z0-9+/=-]+'|data:|blob:)$/i);
      }
    });
  }

  it("allows the dev server's inline React Fast Refresh preamble by its exact hash", () => {
    const preamble = react.preambleCode.replace('__BASE__', '/');
    const hash = `'sha256-${createHash('sha256').update(preamble).digest('base64')}'`;
    expect(directives(contentSecurityPolicy({ devServer: true })).get('script-src')).toEqual([
      "'self'",
      hash,
    ]);
  });

  it('replaces any policy a response carried with ours', () => {
    const headers = withContentSecurityPolicy(
      { 'content-security-policy': ['script-src *'], 'Content-Type': ['text/html'] },
      "default-src 'none'",
    );
    expect(headers).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': ["default-src 'none'"],
    });
  });
});

describe('Electron checklist: navigation denied', () => {
  it('lets the main frame reach only our own document', () => {
    expect(isAllowedNavigation(`${documentUrl}#/complaints`, true, packaged)).toBe(true);
    expect(isAllowedNavigation('https://evil.example/', true, packaged)).toBe(false);
    expect(isAllowedNavigation('https://ksarelkebir.ma/', true, packaged)).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd', true, packaged)).toBe(false);
    expect(isAllowedNavigation(pathToFileURL(join(mainDir, 'index.js')).href, true, packaged)).toBe(
      false,
    );
    expect(isAllowedNavigation('http://localhost:5173/', true, packaged)).toBe(false);
    expect(isAllowedNavigation('javascript:alert(1)', true, packaged)).toBe(false);
    expect(isAllowedNavigation('not a url', true, packaged)).toBe(false);
  });

  it('refuses every navigation in a sub-frame', () => {
    expect(isAllowedNavigation(documentUrl, false, packaged)).toBe(false);
  });

  it('in development, allows the loopback dev server and nothing else', () => {
    expect(isAllowedNavigation('http://localhost:5173/#/home', true, devServer)).toBe(true);
    expect(isAllowedNavigation('http://localhost:5174/', true, devServer)).toBe(false);
    expect(isAllowedNavigation(documentUrl, true, devServer)).toBe(false);
  });

  it('never lets the environment point an installed app, or any app, at a remote server', () => {
    expect(
      appOriginFor({
        isPackaged: true,
        devServerUrl: 'http://localhost:5173',
        rendererIndexFile: indexFile,
      }),
    ).toEqual({ kind: 'file', documentUrl });
    expect(
      appOriginFor({
        isPackaged: false,
        devServerUrl: 'https://evil.example',
        rendererIndexFile: indexFile,
      }),
    ).toEqual({ kind: 'file', documentUrl });
  });
});

describe('Electron checklist: new windows denied', () => {
  it('denies every window.open, opening only allowed links in the system browser', () => {
    const openExternal = vi.fn(() => Promise.resolve());
    const handler = windowOpenHandler(openExternal);
    for (const url of [
      'https://evil.example/',
      documentUrl,
      'about:blank',
      'https://chikaya.ma/plainte',
    ]) {
      expect(handler({ url })).toEqual({ action: 'deny' });
    }
    expect(openExternal.mock.calls).toEqual([['https://chikaya.ma/plainte']]);
  });
});

describe('Electron checklist: permission requests denied', () => {
  it('refuses every permission request and check', () => {
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
    ]) {
      const callback = vi.fn();
      denyPermissionRequest(null, permission, callback);
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    }
    expect(denyPermissionCheck()).toBe(false);
  });
});

describe('Electron checklist: external links only through the allow-list', () => {
  it('accepts https links to the listed sites only', () => {
    expect(isAllowedExternalUrl('https://ksarelkebir.ma/actualites')).toBe(true);
    expect(isAllowedExternalUrl('https://www.chafafiya.ma/')).toBe(true);
    expect(isAllowedExternalUrl('https://CHIKAYA.ma')).toBe(true);
    for (const url of [
      'http://ksarelkebir.ma/',
      'https://ksarelkebir.ma.evil.example/',
      'https://evilksarelkebir.ma/',
      'https://evil.example/?next=ksarelkebir.ma',
      'https://user:pass@ksarelkebir.ma/',
      'https://ksarelkebir.ma:8443/',
      'https://portail.chikaya.ma/',
      'file:///C:/Windows/System32/calc.exe',
      'javascript:alert(1)',
      'smb://ksarelkebir.ma/share',
      'not a url',
    ]) {
      expect(isAllowedExternalUrl(url), url).toBe(false);
    }
  });

  it('hands only allowed links to shell.openExternal', () => {
    const openExternal = vi.fn(() => Promise.resolve());
    expect(openExternalIfAllowed('https://evil.example/', openExternal)).toBe(false);
    expect(openExternalIfAllowed('https://ksarelkebir.ma/', openExternal)).toBe(true);
    expect(openExternal.mock.calls).toEqual([['https://ksarelkebir.ma/']]);
  });
});

describe('Electron checklist: IPC sender validation', () => {
  it('accepts our main frame', () => {
    expect(isTrustedSender(frame(`${documentUrl}#/users`), packaged)).toBe(true);
    expect(isTrustedSender(frame('http://localhost:5173/'), devServer)).toBe(true);
  });

  it('refuses a foreign origin', () => {
    expect(isTrustedSender(frame('https://evil.example/'), packaged)).toBe(false);
    expect(isTrustedSender(frame('file:///home/clerk/Downloads/invoice.html'), packaged)).toBe(
      false,
    );
    expect(isTrustedSender(frame('http://localhost:5173/'), packaged)).toBe(false);
    expect(isTrustedSender(frame('http://localhost:6006/'), devServer)).toBe(false);
  });

  it('refuses a sub-frame, even one showing our document', () => {
    expect(isTrustedSender(frame(documentUrl, frame(documentUrl)), packaged)).toBe(false);
  });

  it('refuses a frame that is gone', () => {
    expect(isTrustedSender(null, packaged)).toBe(false);
  });

  it('accepts Windows paths spelled differently by Chromium and Node', () => {
    const windows: AppOrigin = {
      kind: 'file',
      documentUrl: 'file:///C:/Program%20Files/Maktab/resources/app.asar/out/renderer/index.html',
    };
    expect(
      isTrustedSender(
        frame('file:///c:/Program Files/Maktab/resources/app.asar/out/renderer/index.html'),
        windows,
      ),
    ).toBe(true);
    expect(isTrustedSender(frame('file:///C:/Program%20Files/Other/index.html'), windows)).toBe(
      false,
    );
  });
});

describe('the renderer meta CSP (the backstop where headers do not apply)', () => {
  const html = readFileSync(join(import.meta.dirname, '../renderer/index.html'), 'utf8');
  const metaOf = (page: string): string =>
    /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(page)?.[1] ?? '';
  const meta = metaOf(html);
  // CSP Level 3, section 6.1 (and 3.3): a <meta> policy ignores these directives.
  const ignoredInMeta = ['frame-ancestors', 'report-uri', 'sandbox'];
  const withoutIgnoredInMeta = (policy: string): string =>
    policy
      .split(';')
      .map((part) => part.trim())
      .filter((part) => !ignoredInMeta.includes(part.split(/\s+/)[0] ?? ''))
      .join('; ');

  it('is the production header policy, minus the directives a meta tag ignores', () => {
    expect(meta).not.toBe('');
    expect(meta).toBe(withoutIgnoredInMeta(contentSecurityPolicy({ devServer: false })));
    expect(directives(meta).get('default-src')).toEqual(["'none'"]);
    expect(directives(meta).get('script-src')).toEqual(["'self'"]);
  });

  it("gains exactly the Fast Refresh preamble's hash on the dev server, and nowhere else", async () => {
    const flatten = (options: unknown[]): unknown[] =>
      options.flatMap((option) => (Array.isArray(option) ? flatten(option) : [option]));
    const plugin = flatten(viteConfig.renderer?.plugins ?? []).find(
      (candidate): candidate is Plugin =>
        typeof candidate === 'object' &&
        candidate !== null &&
        (candidate as Plugin).name === 'maktab:dev-server-meta-csp',
    );
    expect(plugin?.apply).toBe('serve');
    const hook = plugin?.transformIndexHtml;
    const transform = (typeof hook === 'function' ? hook : hook?.handler) as
      ((html: string) => string | Promise<string>) | undefined;
    const served = metaOf(await transform!(html));

    const before = directives(meta);
    const after = directives(served);
    const preamble = react.preambleCode.replace('__BASE__', '/');
    const hash = `'sha256-${createHash('sha256').update(preamble).digest('base64')}'`;
    expect(after.get('script-src')).toEqual([...before.get('script-src')!, hash]);
    after.delete('script-src');
    before.delete('script-src');
    expect(after).toEqual(before);
    // The served meta allows no script the dev-server header policy does not.
    expect(served).toBe(withoutIgnoredInMeta(contentSecurityPolicy({ devServer: true })));
  });
});
