import { describe, expect, it } from 'vitest';
import { uuidPattern, uuidv7 } from './uuidv7';

describe('uuidv7', () => {
  it('has the version 7 and variant bits and the time it was made', () => {
    const id = uuidv7(1_764_000_000_123);
    expect(id).toMatch(uuidPattern);
    expect(id[14]).toBe('7');
    expect(['8', '9', 'a', 'b']).toContain(id[19]);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(1_764_000_000_123);
  });

  it('sorts by creation time and does not repeat', () => {
    const earlier = uuidv7(1_000);
    const later = uuidv7(2_000);
    expect(earlier < later).toBe(true);
    const many = new Set(Array.from({ length: 10_000 }, () => uuidv7(5_000)));
    expect(many.size).toBe(10_000);
  });
});
