/**
 * Search normalization (DESIGN.md, Local data): the same function runs on indexed text and on
 * queries, so "انارة" finds "والإنارة" and "Électricité" finds "electricite".
 */

const harakatAndTatweel = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
const latinAccents = /[\u0300-\u036f]/g;

const letterMap: Record<string, string> = {
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ى: 'ي',
  ة: 'ه',
  ؤ: 'و',
  ئ: 'ي',
};

export function normalizeDigits(text: string): string {
  return text
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
}

export function normalizeSearchText(text: string): string {
  const withoutMarks = normalizeDigits(text)
    .replace(harakatAndTatweel, '')
    .normalize('NFD')
    .replace(latinAccents, '')
    .normalize('NFC');
  return withoutMarks
    .replace(/[أإآٱىةؤئ]/g, (ch) => letterMap[ch] ?? ch)
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
