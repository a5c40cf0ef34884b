import { describe, expect, it } from 'vitest';
import { normalizeDigits, normalizeSearchText } from './normalize';

describe('normalizeSearchText', () => {
  it('strips harakat and tatweel', () => {
    expect(normalizeSearchText('كِتَابٌ')).toBe('كتاب');
    expect(normalizeSearchText('الإنـــارة')).toBe('الاناره');
  });

  it('unifies alef forms, alef maqsura, ta marbuta, hamza seats', () => {
    expect(normalizeSearchText('أإآٱ')).toBe('اااا');
    expect(normalizeSearchText('مستشفى')).toBe('مستشفي');
    expect(normalizeSearchText('مدينة')).toBe('مدينه');
    expect(normalizeSearchText('مؤسسة')).toBe('موسسه');
    expect(normalizeSearchText('رئيس')).toBe('رييس');
  });

  it('makes the query spelling match the stored spelling', () => {
    expect(normalizeSearchText('والإنارة')).toContain(normalizeSearchText('انارة'));
  });

  it('lowercases Latin and strips accents', () => {
    expect(normalizeSearchText('Électricité PUBLIQUE')).toBe('electricite publique');
  });

  it('turns Eastern Arabic and Persian digits into Western digits', () => {
    expect(normalizeDigits('٠٦٦١٢٣٤٥٦٧')).toBe('0661234567');
    expect(normalizeDigits('۱۲۳')).toBe('123');
  });
});
