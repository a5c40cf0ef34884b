import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Settings } from '../shared/api/procedures/system.procedures';
import {
  feedUrlToRemember,
  languageOfStatus,
  planUpdateCheck,
  restartPrompt,
  RestartOffers,
  scheduleUpdateChecks,
  updateCheckIntervalMs,
} from './update-policy';

const settings = (updateFeedUrl: string): { ok: true; value: Settings } => ({
  ok: true,
  value: { lockAfterMinutes: 10, backupsToKeep: 14, updateFeedUrl },
});

describe('update check plan', () => {
  const url = 'https://intranet.ksarelkebir.local/maktab/';
  const unreadable = {
    ok: false as const,
    error: { code: 'DATABASE_TOO_NEW' as const, message: '' },
  };

  it('refuses a feed that is not https, whatever its origin', () => {
    expect(
      planUpdateCheck({
        isPackaged: true,
        settings: unreadable,
        rememberedFeedUrl: 'http://intranet.ksarelkebir.local/maktab/',
        currentFeedUrl: null,
      }),
    ).toEqual({ kind: 'skip', reason: 'insecure-feed' });
  });

  it('does nothing when the feed URL is empty, the app is not packaged, or no feed is known', () => {
    expect(
      planUpdateCheck({
        isPackaged: true,
        settings: settings(''),
        rememberedFeedUrl: url,
        currentFeedUrl: null,
      }),
    ).toEqual({ kind: 'skip', reason: 'no-feed' });
    expect(
      planUpdateCheck({
        isPackaged: false,
        settings: settings(url),
        rememberedFeedUrl: url,
        currentFeedUrl: null,
      }),
    ).toMatchObject({ kind: 'skip', reason: 'not-packaged' });
    expect(
      planUpdateCheck({
        isPackaged: true,
        settings: unreadable,
        rememberedFeedUrl: '',
        currentFeedUrl: null,
      }),
    ).toMatchObject({ kind: 'skip', reason: 'settings-unavailable' });
  });

  it('checks the feed from settings, setting it again only when it changed', () => {
    expect(
      planUpdateCheck({
        isPackaged: true,
        settings: settings(url),
        rememberedFeedUrl: '',
        currentFeedUrl: null,
      }),
    ).toEqual({ kind: 'check', feedUrl: url, setFeed: true });
    expect(
      planUpdateCheck({
        isPackaged: true,
        settings: settings(url),
        rememberedFeedUrl: '',
        currentFeedUrl: url,
      }),
    ).toMatchObject({ setFeed: false });
  });

  it('falls back to the remembered feed when the database cannot be read, so an update can fix that', () => {
    expect(
      planUpdateCheck({
        isPackaged: true,
        settings: unreadable,
        rememberedFeedUrl: url,
        currentFeedUrl: null,
      }),
    ).toEqual({ kind: 'check', feedUrl: url, setFeed: true });
  });

  it('remembers the feed from settings when it changes, including when it is cleared', () => {
    expect(feedUrlToRemember(settings(url), '')).toBe(url);
    expect(feedUrlToRemember(settings(url), url)).toBeNull();
    expect(feedUrlToRemember(settings(''), url)).toBe('');
    expect(feedUrlToRemember(unreadable, url)).toBeNull();
  });
});

describe('update schedule', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('checks at start and every four hours until stopped', async () => {
    const check = vi.fn(() => Promise.resolve());
    const stop = scheduleUpdateChecks(check, updateCheckIntervalMs);
    expect(check).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(4 * 60 * 60 * 1000);
    expect(check).toHaveBeenCalledTimes(2);
    stop();
    await vi.advanceTimersByTimeAsync(8 * 60 * 60 * 1000);
    expect(check).toHaveBeenCalledTimes(2);
  });

  it('never runs two checks at once, and survives a failed check', async () => {
    let finish: () => void = () => undefined;
    const check = vi
      .fn<() => Promise<void>>()
      .mockImplementationOnce(() => new Promise<void>((resolve) => (finish = resolve)))
      .mockImplementation(() => Promise.reject(new Error('offline')));
    const log = { error: vi.fn() };
    const stop = scheduleUpdateChecks(check, 1000, log);
    await vi.advanceTimersByTimeAsync(3000);
    expect(check).toHaveBeenCalledTimes(1);
    finish();
    await vi.advanceTimersByTimeAsync(1000);
    expect(check).toHaveBeenCalledTimes(2);
    expect(log.error).toHaveBeenCalledWith('[updater] check failed', expect.any(Error));
    await vi.advanceTimersByTimeAsync(1000);
    expect(check).toHaveBeenCalledTimes(3);
    stop();
  });
});

describe('restart offer', () => {
  it('is made once per downloaded version', () => {
    const offers = new RestartOffers();
    expect(offers.shouldOffer('0.2.0')).toBe(true);
    expect(offers.shouldOffer('0.2.0')).toBe(false);
    expect(offers.shouldOffer('0.3.0')).toBe(true);
  });

  it('speaks the user language, with "later" as the second button', () => {
    expect(restartPrompt('ar', '0.2.0').buttons).toEqual(['إعادة التشغيل الآن', 'لاحقًا']);
    expect(restartPrompt('fr', '0.2.0').message).toContain('0.2.0');
  });
});

describe('dialog language', () => {
  it("follows the signed-in user's language, Arabic otherwise", () => {
    expect(languageOfStatus({ ok: true, value: { user: { language: 'fr' } } })).toBe('fr');
    expect(languageOfStatus({ ok: true, value: { user: { language: 'ar' } } })).toBe('ar');
    expect(languageOfStatus({ ok: true, value: { user: null } })).toBe('ar');
    expect(languageOfStatus({ ok: false, error: { code: 'INTERNAL', message: '' } })).toBe('ar');
  });
});
