import type { TFunction } from 'i18next';

/** A notice as its translation key, so it follows a language switch made while it shows. */
export interface NoticeMessage {
  /** With its namespace: `cases:notes.added`. */
  key: string;
  /** Names and numbers put into the sentence; data, never translated. */
  values?: Record<string, string | number>;
}

/** The notice's words in the current language (SuccessNotice calls it at each render). */
export function noticeText(notice: NoticeMessage, t: TFunction): string {
  return t(notice.key, notice.values ?? {});
}
