import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MessageChannel, Worker } from 'node:worker_threads';
import { app, BrowserWindow, ipcMain, safeStorage, session, shell } from 'electron';
import type { TokenCipherWorkerData } from '../core/sync/port-token-cipher';
import type { CoreWorkerData } from '../core/worker-protocol';
import { appOriginFor, type AppOrigin } from './app-origin';
import { CoreWorkerClient } from './core-worker-client';
import { hardenSession, hardenWebContents } from './harden';
import { forwardCoreEvents, registerIpcRelay } from './ipc-relay';
import { chooseNativeBinding } from './native-binding';
import { contentSecurityPolicy, mainWindowOptions, preloadPathFor } from './security';
import { serveTokenCipher } from './token-cipher-host';
import { languageOfStatus } from './update-policy';
import { startUpdater } from './updater';

const mainBundleDir = import.meta.dirname;
const rendererIndexFile = join(mainBundleDir, '..', 'renderer', 'index.html');

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/**
 * Core runs in a worker thread so SQL never freezes the window. safeStorage exists only here in
 * main, so the worker gets a port of its own to have its device tokens encrypted.
 */
function startCore(): CoreWorkerClient {
  const native = chooseNativeBinding({
    isPackaged: app.isPackaged,
    appPath: app.getAppPath(),
    electronVersion: process.versions.electron,
    readText,
    exists: existsSync,
  });
  if (native.warning) console.warn(`[main] ${native.warning}`);
  const tokenCipher = new MessageChannel();
  serveTokenCipher(tokenCipher.port1, safeStorage, {
    whenReady: () => app.whenReady(),
    platform: process.platform,
  });
  const workerData: CoreWorkerData & TokenCipherWorkerData = {
    dataDir: app.getPath('userData'),
    nativeBinding: native.binding,
    tokenCipherPort: tokenCipher.port2,
  };
  return new CoreWorkerClient(
    new Worker(join(mainBundleDir, 'core-worker.js'), {
      workerData,
      transferList: [tokenCipher.port2],
    }),
  );
}

function createMainWindow(appOrigin: AppOrigin): BrowserWindow {
  const window = new BrowserWindow(
    mainWindowOptions({ preload: preloadPathFor(mainBundleDir), devTools: !app.isPackaged }),
  );
  window.once('ready-to-show', () => window.show());
  const loaded =
    appOrigin.kind === 'dev-server'
      ? window.loadURL(`${appOrigin.origin}/`)
      : window.loadFile(rendererIndexFile);
  loaded.catch((error: unknown) => console.error('[main] could not load the window', error));
  return window;
}

function main(): void {
  // A second copy would open the same database file: hand over to the first one instead.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.enableSandbox();
  app.setAppUserModelId('ma.ksarelkebir.maktab');

  const appOrigin = appOriginFor({
    isPackaged: app.isPackaged,
    devServerUrl: process.env.ELECTRON_RENDERER_URL,
    rendererIndexFile,
  });
  const openExternal = (url: string): Promise<void> => shell.openExternal(url);
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, appOrigin, openExternal);
  });

  const core = startCore();
  let window: BrowserWindow | null = null;
  let stopUpdater = (): void => undefined;
  let coreClosing: Promise<void> | null = null;
  let coreClosed = false;

  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());
  // Quit only once core has closed the database, whoever asked to quit (the clerk, the updater).
  app.on('will-quit', (event) => {
    if (coreClosed) return;
    event.preventDefault();
    stopUpdater();
    coreClosing ??= core
      .shutdown()
      .catch((error: unknown) => console.error('[main] core shutdown failed', error))
      .finally(() => {
        coreClosed = true;
        app.quit();
      });
  });

  app
    .whenReady()
    .then(() => {
      hardenSession(
        session.defaultSession,
        contentSecurityPolicy({ devServer: appOrigin.kind === 'dev-server' }),
      );
      registerIpcRelay(ipcMain, core, appOrigin);
      window = createMainWindow(appOrigin);
      window.on('closed', () => {
        window = null;
      });
      forwardCoreEvents(core, () => window?.webContents ?? null, appOrigin);
      stopUpdater = startUpdater({
        isPackaged: app.isPackaged,
        readSettings: () => core.settings(),
        readLanguage: async () => languageOfStatus(await core.call('session:status', {})),
        feedMemoryFile: join(app.getPath('userData'), 'update-feed.json'),
      });
    })
    .catch((error: unknown) => {
      console.error('[main] start-up failed', error);
      app.quit();
    });
}

main();
