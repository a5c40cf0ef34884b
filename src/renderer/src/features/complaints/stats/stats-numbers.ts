import type { Language } from '../../../../../shared/tables/platform.tables';

/** Morocco's conventions in each language, always with Western digits (DOMAIN.md). */
const locales: Record<Language, string> = { ar: 'ar-MA', fr: 'fr-MA' };

function formatter(language: Language, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return new Intl.NumberFormat(locales[language], { numberingSystem: 'latn', ...options });
}

export function formatCount(value: number, language: Language): string {
  return formatter(language, { maximumFractionDigits: 0 }).format(value);
}

/** Days to answer, to a tenth of a day. */
export function formatDays(value: number, language: Language): string {
  return formatter(language, { maximumFractionDigits: 1 }).format(value);
}

/** A share from 0 to 1 as a percentage, to a tenth. */
export function formatShare(value: number, language: Language): string {
  return formatter(language, { style: 'percent', maximumFractionDigits: 1 }).format(value);
}
