import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { column } from '../tables/define-table';
import { parseStoredValue, toStoredValue } from './stored-values';

const text = column('text', z.string().trim().min(1).nullable(), { write: ['any'] });
const flag = column('boolean', z.boolean(), { write: ['any'] });
const count = column('integer', z.int().min(0), { write: ['any'] });
const list = column('json', z.array(z.string()), { write: ['any'] });
const detail = column('json', z.record(z.string(), z.unknown()), { write: ['any'] });

describe('stored values', () => {
  it('round-trip every storage through its stored form', () => {
    const cases = [
      [text, 'bonjour'],
      [text, null],
      [flag, true],
      [flag, false],
      [count, 42],
      [list, ['clerk', 'head']],
    ] as const;
    for (const [declaration, value] of cases) {
      const stored = toStoredValue(declaration, value);
      expect(parseStoredValue(declaration, stored)).toEqual({ ok: true, value });
    }
    expect(toStoredValue(flag, true)).toBe(1);
    expect(toStoredValue(list, ['a'])).toBe('["a"]');
  });

  it('refuse values of the wrong form, outside the schema, or that the app would have rewritten', () => {
    for (const [declaration, stored] of [
      [text, 5],
      [text, ' padded '],
      [flag, 2],
      [flag, 'true'],
      [count, 1.5],
      [count, -1],
      [count, 2 ** 60],
      [list, 'not json'],
      [list, '{"a":1}'],
      [list, ['a'] as unknown as string],
    ] as const) {
      expect(parseStoredValue(declaration, stored), JSON.stringify(stored)).toEqual({ ok: false });
    }
  });

  it('compare JSON by meaning, and refuse JSON nested too deep to write back', () => {
    expect(parseStoredValue(list, '[ "a" , "b" ]')).toEqual({ ok: true, value: ['a', 'b'] });
    const deep = `{"a":${'['.repeat(20_000)}${']'.repeat(20_000)}}`;
    expect(parseStoredValue(detail, deep).ok).toBe(false);
  });
});
