import type { Language } from '../../../shared/tables/platform.tables';

export const backupKinds = ['daily', 'manual', 'pre-migration', 'pre-restore'] as const;
export type BackupKind = (typeof backupKinds)[number] | 'other';

/** Why a backup was taken, read from the label at the end of its file name. */
export function backupKind(name: string): BackupKind {
  const label = /-([a-z-]+)\.sqlite$/.exec(name)?.[1];
  return backupKinds.find((kind) => kind === label) ?? 'other';
}

const numberLocales: Record<Language, string> = { ar: 'ar-MA', fr: 'fr-FR' };

/** A file size in KB under one megabyte, else in MB, with Western digits in both languages. */
export function backupSize(
  bytes: number,
  language: Language,
): { unit: 'kb' | 'mb'; value: string } {
  const megabyte = 1024 * 1024;
  const mb = bytes >= megabyte;
  const format = new Intl.NumberFormat(numberLocales[language], {
    numberingSystem: 'latn',
    maximumFractionDigits: mb ? 1 : 0,
  });
  return {
    unit: mb ? 'mb' : 'kb',
    value: format.format(mb ? bytes / megabyte : Math.max(1, Math.round(bytes / 1024))),
  };
}
