import type { TFunction } from 'i18next';

/** A notice as its translation key, so it follows a language switch made while it shows. */
export interface NoticeMessage {
  /** With its namespace: `cases:notes.added`. */
  key: string;
  /** Names and numbers put into the sentence; data, never translated. */
  values?: Record<string, string | number>;
}

/** Finished text stays in the language it was made in: pages should give a NoticeMessage. */
export type Notice = NoticeMessage | string;

/** The notice's words in the current language (SuccessNotice calls it at each render). */
export function noticeText(notice: Notice, t: TFunction): string {
  return typeof notice === 'string' ? notice : t(notice.key, notice.values ?? {});
}
