import { readFileSync, writeFileSync } from 'node:fs';
import { dialog } from 'electron';
import electronUpdater from 'electron-updater';
import type { Settings } from '../shared/api/procedures/system.procedures';
import type { ApiResult } from '../shared/errors';
import type { Language } from '../shared/tables/platform.tables';
import {
  feedUrlToRemember,
  planUpdateCheck,
  RestartOffers,
  restartPrompt,
  scheduleUpdateChecks,
  updateCheckIntervalMs,
} from './update-policy';

export interface UpdaterOptions {
  isPackaged: boolean;
  /** This PC's settings, read through core; their updateFeedUrl is the generic feed. */
  readSettings: () => Promise<ApiResult<Settings>>;
  /** The signed-in user's language for the restart dialog. */
  readLanguage: () => Promise<Language>;
  /** A small file in userData holding the last feed URL read from settings. */
  feedMemoryFile: string;
}

function readRememberedFeed(file: string): string {
  try {
    const { url } = JSON.parse(readFileSync(file, 'utf8')) as { url?: unknown };
    return typeof url === 'string' ? url : '';
  } catch {
    return '';
  }
}

function rememberFeed(file: string, url: string): void {
  try {
    writeFileSync(file, JSON.stringify({ url }));
  } catch (error) {
    console.error('[updater] could not remember the feed URL', error);
  }
}

/**
 * Background updates from the commune's intranet feed: download silently, then offer a restart
 * without taking the clerk's window away; "later" installs when the app next quits.
 * Returns the function that stops the schedule.
 */
export function startUpdater(options: UpdaterOptions): () => void {
  if (!options.isPackaged) return () => undefined;
  // electron-updater is CommonJS and defines autoUpdater with a getter Node's ESM loader cannot see.
  const { autoUpdater } = electronUpdater;
  autoUpdater.logger = console;
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = true;
  autoUpdater.on('error', (error) => console.error('[updater]', error.message));

  const offers = new RestartOffers();
  const offerRestart = async (version: string): Promise<void> => {
    const prompt = restartPrompt(await options.readLanguage(), version);
    // No parent window: the dialog must not block the clerk's work in the main window.
    const { response } = await dialog.showMessageBox({
      type: 'info',
      title: prompt.title,
      message: prompt.message,
      detail: prompt.detail,
      buttons: prompt.buttons,
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    });
    // The quit that follows waits for core to close the database (index.ts, will-quit).
    if (response === 0) autoUpdater.quitAndInstall();
  };
  autoUpdater.on('update-downloaded', (info) => {
    if (!offers.shouldOffer(info.version)) return;
    offerRestart(info.version).catch((error: unknown) =>
      console.error('[updater] restart offer failed', error),
    );
  });

  let currentFeedUrl: string | null = null;
  const check = async (): Promise<void> => {
    const settings = await options.readSettings();
    const rememberedFeedUrl = readRememberedFeed(options.feedMemoryFile);
    const remember = feedUrlToRemember(settings, rememberedFeedUrl);
    if (remember !== null) rememberFeed(options.feedMemoryFile, remember);
    const plan = planUpdateCheck({
      isPackaged: options.isPackaged,
      settings,
      rememberedFeedUrl,
      currentFeedUrl,
    });
    if (plan.kind === 'skip') return;
    if (plan.setFeed) {
      autoUpdater.setFeedURL({ provider: 'generic', url: plan.feedUrl });
      currentFeedUrl = plan.feedUrl;
    }
    await autoUpdater.checkForUpdates();
  };
  return scheduleUpdateChecks(check, updateCheckIntervalMs);
}
