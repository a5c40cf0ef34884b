import { dialog } from 'electron';
import electronUpdater from 'electron-updater';
import type { Settings } from '../shared/api/procedures/system.procedures';
import type { ApiResult } from '../shared/errors';
import type { Language } from '../shared/tables/platform.tables';
import {
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
    offerRestart(info.version).catch((error: unknown) => console.error('[updater] restart offer failed', error));
  });

  let currentFeedUrl: string | null = null;
  const check = async (): Promise<void> => {
    const plan = planUpdateCheck({
      isPackaged: options.isPackaged,
      settings: await options.readSettings(),
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
