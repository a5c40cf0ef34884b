import { normalizePhone } from '../complaints/citizen';
import { normalizeDigits, normalizeSearchText } from './normalize';

/**
 * Words for the full-text index and for queries (DESIGN.md, Local data). Arabic glues the article
 * and some particles to the word ("والإنارة" = "و" + "ال" + "إنارة"), so each indexed word is also
 * indexed without them: a query for "انارة" then finds "والإنارة" by prefix.
 */

const articlePrefixes = ['وبال', 'وال', 'بال', 'فال', 'كال', 'لل', 'ال'];
const minimumStem = 2;

function withoutArticle(word: string): string | null {
  for (const prefix of articlePrefixes) {
    if (word.startsWith(prefix) && word.length - prefix.length >= minimumStem)
      return word.slice(prefix.length);
  }
  return null;
}

/** The word and its forms without the glued conjunction and article. */
export function wordForms(word: string): string[] {
  const forms = new Set([word]);
  const bare = withoutArticle(word);
  if (bare) forms.add(bare);
  if (word.startsWith('و') && word.length - 1 > minimumStem) {
    const afterWaw = word.slice(1);
    forms.add(afterWaw);
    const bareAfterWaw = withoutArticle(afterWaw);
    if (bareAfterWaw) forms.add(bareAfterWaw);
  }
  return [...forms];
}

/** Normalized words of a text: letters and digits of any script, everything else separates. */
export function searchWords(text: string): string[] {
  return normalizeSearchText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/** A Moroccan number as stored (phoneSchema): 0 then 5-8 then eight digits. */
const moroccanPhone = /^0[5-8]\d{8}$/;

/**
 * A Moroccan phone number is also indexed without its leading 0, as it is read out with the
 * country code (+212 612345678): a clerk who types 612345678 finds 0612345678.
 */
function phoneForms(word: string): string[] {
  return moroccanPhone.test(word) ? [word.slice(1)] : [];
}

/**
 * The text stored in the index: every word with its bare forms, and phone numbers without their
 * leading 0. The FTS triggers of migration 0002 call this (maktab_search_text) on every insert and
 * update, so a change here reaches the rows written after it; 0002 has not shipped yet, so there
 * is no index built with an older version to rebuild.
 */
export function indexText(...parts: (string | null | undefined)[]): string {
  const words = parts.flatMap((part) => (part ? searchWords(part) : []));
  return [...new Set(words.flatMap((word) => [...wordForms(word), ...phoneForms(word)]))].join(' ');
}

/** The glued particles alone: as a prefix, "ال" would match most words of the register. */
const particles = new Set([...articlePrefixes, 'و', 'ف', 'ب', 'ل', 'ك']);

/**
 * A query word worth matching: not a bare particle, and not a single letter (whose prefix also
 * matches a large share of the index); a single digit is kept, it may be part of a number.
 */
function searchable(word: string): boolean {
  if (particles.has(word)) return false;
  return word.length > 1 || /\d/.test(word);
}

/** At most this many words from a query; more only slows the match. */
const maxQueryWords = 8;

/**
 * Digits in groups split by spaces, dashes or dots, maybe after a +: how a phone is typed. Not
 * the digits that end a word ("PC07-2026-0123" is a case number).
 */
const digitGroups = /(?<![\p{L}\p{N}])\+?\d[\d\s.-]*\d/gu;
/** A number as phoneSchema keeps it once normalized, or as indexed without its leading 0. */
const storedPhone = /^(0?[5-8]\d{8}|\+\d{8,15})$/;
/** A case number whose PC code is all digits (06-2026-0123) is not a phone either. */
const caseNumberShape = /^\d+-\d{4}-\d{4,6}$/;

/**
 * A phone number typed as people say it (06 12 34 56 78, 06-12-34-56-78, +212 612345678) is
 * searched as stored (0612345678), or as indexed without its 0 (6 12 34 56 78 -> 612345678). Other digit groups stay apart: "زنقة 7 رقم 12" is two numbers.
 */
function withPhonesJoined(query: string): string {
  return normalizeDigits(query).replace(digitGroups, (typed) => {
    const phone = normalizePhone(typed);
    return storedPhone.test(phone) && !caseNumberShape.test(typed) ? ` ${phone} ` : typed;
  });
}

/**
 * An FTS5 MATCH expression for what the user typed: every word must appear, as a prefix, in its
 * bare form; null when nothing searchable is left. Words are quoted, so FTS5 syntax typed by a
 * user (AND, NEAR, quotes, *) is only ever text.
 */
export function matchExpression(query: string): string | null {
  const words = searchWords(withPhonesJoined(query))
    .map((word) => withoutArticle(word) ?? word)
    .filter(searchable)
    .slice(0, maxQueryWords);
  if (words.length === 0) return null;
  return words.map((word) => `"${word.replaceAll('"', '""')}"*`).join(' ');
}

/** Common words that say nothing about what a complaint is about. */
const stopWords = new Set(
  [
    'في',
    'من',
    'على',
    'الى',
    'عن',
    'مع',
    'هذا',
    'هذه',
    'ذلك',
    'التي',
    'الذي',
    'ان',
    'او',
    'لا',
    'ما',
    'قد',
    'كل',
    'منذ',
    'بعد',
    'قبل',
    'عند',
    'حي',
    'شارع',
    'le',
    'la',
    'les',
    'de',
    'des',
    'du',
    'et',
    'a',
    'au',
    'aux',
    'en',
    'un',
    'une',
    'pour',
    'dans',
    'sur',
    'est',
    'qui',
    'que',
  ].map(normalizeSearchText),
);

/** The meaningful bare words of a text, for comparing two complaints. */
export function contentWords(text: string): Set<string> {
  return new Set(
    searchWords(text)
      .filter((word) => !stopWords.has(word))
      .map((word) => withoutArticle(word) ?? word)
      .filter((word) => word.length > minimumStem && !stopWords.has(word)),
  );
}

/** Jaccard similarity of two texts' content words, 0 to 1. */
export function textSimilarity(a: string, b: string): number {
  const left = contentWords(a);
  const right = contentWords(b);
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared += 1;
  return shared / (left.size + right.size - shared);
}
