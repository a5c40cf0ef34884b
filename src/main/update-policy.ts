import type { Settings } from '../shared/api/procedures/system.procedures';
import type { ApiResult } from '../shared/errors';
import type { Language } from '../shared/tables/platform.tables';

export const updateCheckIntervalMs = 4 * 60 * 60 * 1000;

export type UpdateCheckPlan =
  | { kind: 'skip'; reason: 'not-packaged' | 'settings-unavailable' | 'no-feed' | 'insecure-feed' }
  | { kind: 'check'; feedUrl: string; setFeed: boolean };

/**
 * Whether to look for an update now, and where: the feed comes from this PC's settings, or, when
 * the database cannot be read (e.g. written by a newer version), from the last feed main remembered.
 */
export function planUpdateCheck(options: {
  isPackaged: boolean;
  settings: ApiResult<Settings>;
  rememberedFeedUrl: string;
  currentFeedUrl: string | null;
}): UpdateCheckPlan {
  if (!options.isPackaged) return { kind: 'skip', reason: 'not-packaged' };
  const feedUrl = (
    options.settings.ok ? options.settings.value.updateFeedUrl : options.rememberedFeedUrl
  ).trim();
  if (!feedUrl) {
    return { kind: 'skip', reason: options.settings.ok ? 'no-feed' : 'settings-unavailable' };
  }
  // The installers' checksums come from the same feed: only TLS keeps the LAN from swapping both.
  if (!feedUrl.startsWith('https://')) return { kind: 'skip', reason: 'insecure-feed' };
  return { kind: 'check', feedUrl, setFeed: feedUrl !== options.currentFeedUrl };
}

/** The feed URL main should now remember, or null when the remembered one is still right. */
export function feedUrlToRemember(
  settings: ApiResult<Settings>,
  rememberedFeedUrl: string,
): string | null {
  if (!settings.ok) return null;
  const feedUrl = settings.value.updateFeedUrl.trim();
  return feedUrl === rememberedFeedUrl ? null : feedUrl;
}

/**
 * Runs `check` now and then every `intervalMs`, never two at once (a slow intranet must not pile up
 * checks); returns the function that stops the schedule.
 */
export function scheduleUpdateChecks(
  check: () => Promise<void>,
  intervalMs: number,
  log: { error(...values: unknown[]): void } = console,
): () => void {
  let running = false;
  const tick = (): void => {
    if (running) return;
    running = true;
    check()
      .catch((error: unknown) => log.error('[updater] check failed', error))
      .finally(() => {
        running = false;
      });
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  return () => clearInterval(timer);
}

/** Offers a restart once per downloaded version, however many times the download is reported. */
export class RestartOffers {
  private readonly offered = new Set<string>();

  shouldOffer(version: string): boolean {
    if (this.offered.has(version)) return false;
    this.offered.add(version);
    return true;
  }
}

export interface RestartPrompt {
  title: string;
  message: string;
  detail: string;
  /** [restart now, later]: "later" is the default and what closing the dialog means. */
  buttons: [string, string];
}

// Main has no access to the renderer's translation files, so its one dialog carries both languages here.
const prompts: Record<Language, (version: string) => RestartPrompt> = {
  ar: (version) => ({
    title: 'تحديث مكتب',
    message: `نسخة جديدة من مكتب (${version}) جاهزة للتثبيت.`,
    detail: 'يمكنك إعادة التشغيل الآن لتثبيتها، أو لاحقًا: ستُثبَّت تلقائيًا عند إغلاق البرنامج.',
    buttons: ['إعادة التشغيل الآن', 'لاحقًا'],
  }),
  fr: (version) => ({
    title: 'Mise à jour de Maktab',
    message: `Une nouvelle version de Maktab (${version}) est prête à être installée.`,
    detail:
      "Redémarrez maintenant pour l'installer, ou plus tard : elle s'installera à la fermeture de l'application.",
    buttons: ['Redémarrer maintenant', 'Plus tard'],
  }),
};

export function restartPrompt(language: Language, version: string): RestartPrompt {
  return prompts[language](version);
}

/** The signed-in user's language from a 'session:status' answer; Arabic when nobody is signed in. */
export function languageOfStatus(status: ApiResult<unknown>): Language {
  if (!status.ok || typeof status.value !== 'object' || status.value === null) return 'ar';
  const user = (status.value as { user?: { language?: unknown } | null }).user;
  return user?.language === 'fr' ? 'fr' : 'ar';
}
