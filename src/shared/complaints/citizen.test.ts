import { describe, expect, it } from 'vitest';
import { cinSchema, maskCin, normalizePhone, phoneSchema } from './citizen';

describe('citizen contact details', () => {
  it('normalizes Eastern Arabic digits, spaces and the country code instead of refusing them', () => {
    expect(phoneSchema.parse('٠٦١٢٣٤٥٦٧٨')).toBe('0612345678');
    expect(phoneSchema.parse('۰۶ ۱۲ ۳۴ ۵۶ ۷۸')).toBe('0612345678');
    expect(phoneSchema.parse('+212 612-345678')).toBe('0612345678');
    expect(normalizePhone('00212 5 39 91 00 00')).toBe('0539910000');
  });

  it('refuses what is not a phone number', () => {
    expect(phoneSchema.safeParse('12345').success).toBe(false);
    expect(phoneSchema.safeParse('06123456789').success).toBe(false);
    expect(phoneSchema.safeParse('hello').success).toBe(false);
  });

  it('accepts a CIN typed in lower case or with Eastern digits, masks it for other roles', () => {
    expect(cinSchema.parse('lb ١٢٣٤٥٦')).toBe('LB123456');
    expect(cinSchema.safeParse('123456').success).toBe(false);
    expect(maskCin('LB123456')).toBe('L•••••56');
    expect(maskCin('LB123456')).not.toContain('1234');
  });
});
