import { describe, expect, it } from 'vitest';
import { isWeakPassword } from './password-policy';

describe('isWeakPassword', () => {
  it('refuses the username, repeated characters or patterns, and digits only', () => {
    expect(isWeakPassword('admin-2026-kbir', 'admin')).toBe(true);
    expect(isWeakPassword('1111111111', 'clerk')).toBe(true);
    expect(isWeakPassword('0661234567', 'clerk')).toBe(true);
    expect(isWeakPassword('abcabcabcabc', 'clerk')).toBe(true);
    expect(isWeakPassword('clerk1clerk1', 'clerk')).toBe(true);
  });

  it('accepts an ordinary passphrase', () => {
    expect(isWeakPassword('Lixus-Loukkos-77', 'f.amrani')).toBe(false);
    expect(isWeakPassword('القصر الكبير 2026', 'admin')).toBe(false);
  });
});
