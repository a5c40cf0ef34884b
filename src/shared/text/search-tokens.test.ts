import { describe, expect, it } from 'vitest';
import { indexText, matchExpression, textSimilarity, wordForms } from './search-tokens';

/** FTS5's prefix rule, in miniature: some indexed word starts with every query word. */
function matches(text: string, query: string): boolean {
  const indexed = indexText(text).split(' ');
  const expression = matchExpression(query);
  if (!expression) return false;
  const words = [...expression.matchAll(/"([^"]+)"\*/g)].map((m) => m[1]!);
  return words.every((word) => indexed.some((w) => w.startsWith(word)));
}

describe('search words', () => {
  it('finds "والإنارة" from "انارة" and from "الانارة"', () => {
    expect(matches('انقطاع والإنارة العمومية', 'انارة')).toBe(true);
    expect(matches('انقطاع والإنارة العمومية', 'الانارة')).toBe(true);
    expect(matches('انقطاع والإنارة العمومية', 'إنارة')).toBe(true);
  });

  it('ignores harakat, tatweel, alef forms, ta marbuta and Eastern digits', () => {
    expect(matches('الإِنَارَةُ العُمُومِيَّة', 'الانــاره')).toBe(true);
    expect(matches('شكاية رقم 2026/0123', '٢٠٢٦')).toBe(true);
    expect(matches('Éclairage public', 'eclairage')).toBe(true);
  });

  it('needs every word of the query', () => {
    expect(matches('حفرة في الطريق', 'حفرة طريق')).toBe(true);
    expect(matches('حفرة في الطريق', 'حفرة ماء')).toBe(false);
  });

  it('ignores a bare article or a single letter, which would match most of the register', () => {
    expect(matchExpression('ال')).toBeNull();
    expect(matchExpression('و م')).toBeNull();
    expect(matchExpression('ال انارة')).toBe('"اناره"*');
    expect(matchExpression('زنقة 7')).toBe('"زنقه"* "7"*');
  });

  it('joins a phone number typed in groups and searches it as stored', () => {
    for (const typed of [
      '06 12 34 56 78',
      '06-12-34-56-78',
      '06.12.34.56.78',
      '+212 612345678',
      '+212 6 12 34 56 78',
      '00212 612-345678',
      '٠٦ ١٢ ٣٤ ٥٦ ٧٨',
    ])
      expect(matchExpression(typed), typed).toBe('"0612345678"*');
    expect(matchExpression('حفرة 06 12 34 56 78')).toBe('"حفره"* "0612345678"*');
    expect(matchExpression('+33 6 12 34 56 78')).toBe('"33612345678"*');
    expect(matchExpression('6 12 34 56 78')).toBe('"612345678"*');
    expect(matches('0612345678', '612345678')).toBe(true);
    expect(matches('0612345678', '+212 6 12 34 56 78')).toBe(true);
  });

  it('leaves digit groups that are not a phone apart, case numbers included', () => {
    expect(matchExpression('زنقة 7 رقم 12')).toBe('"زنقه"* "7"* "رقم"* "12"*');
    expect(matchExpression('PC07-2026-0123')).toBe('"pc07"* "2026"* "0123"*');
    expect(matchExpression('06-2026-0123')).toBe('"06"* "2026"* "0123"*');
    expect(matchExpression('12 34')).toBe('"12"* "34"*');
  });

  it('indexes a Moroccan phone number also without its leading 0, and nothing else so', () => {
    expect(indexText('0612345678').split(' ')).toEqual(['0612345678', '612345678']);
    expect(indexText('+33612345678 0123456789 2026').split(' ')).toEqual([
      '33612345678',
      '0123456789',
      '2026',
    ]);
  });

  it('quotes what the user typed, so FTS5 syntax is only text', () => {
    expect(matchExpression('ab" OR cd*')).toBe('"ab"* "or"* "cd"*');
    expect(matchExpression('  ،؛!  ')).toBeNull();
  });

  it('strips the article and a leading conjunction, keeping the word itself', () => {
    expect(wordForms('والاناره')).toEqual(expect.arrayContaining(['والاناره', 'اناره']));
    expect(wordForms('وادي')).toContain('وادي');
  });

  it('scores two wordings of the same complaint above an unrelated one', () => {
    const a = 'انقطاع الإنارة العمومية في شارع محمد الخامس منذ أسبوع';
    const b = 'الانارة العمومية منقطعة بشارع محمد الخامس';
    const c = 'تراكم النفايات قرب السوق المركزي';
    expect(textSimilarity(a, b)).toBeGreaterThan(0.3);
    expect(textSimilarity(a, c)).toBe(0);
  });
});
