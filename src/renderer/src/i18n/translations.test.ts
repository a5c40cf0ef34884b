import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../../shared/errors';
import { roles } from '../../../shared/roles';
import { civilHolidays } from '../../../shared/calendar/civil-holidays';
import { religiousHolidays } from '../../../shared/calendar/religious-holidays';
import arCalendar from './ar/calendar.json';
import arCommon from './ar/common.json';
import arErrors from './ar/errors.json';
import frErrors from './fr/errors.json';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = import.meta.dirname;

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) =>
    keysOf(child, prefix ? `${prefix}.${key}` : key),
  );
}

/**
 * Plural forms differ by language: Arabic has six (zero, one, two, few, many, other), French two.
 * A key counts once, whatever forms it has.
 */
function baseKeysOf(value: unknown): string[] {
  return [
    ...new Set(keysOf(value).map((key) => key.replace(/_(zero|one|two|few|many|other)$/, ''))),
  ];
}

function load(language: string, file: string): unknown {
  return JSON.parse(readFileSync(join(dir, language, file), 'utf8'));
}

describe('translations', () => {
  const files = readdirSync(join(dir, 'ar')).filter((f: string) => f.endsWith('.json'));

  it('have the same files and the same keys in Arabic and French', () => {
    expect(readdirSync(join(dir, 'fr')).sort()).toEqual([...files].sort());
    for (const file of files) {
      expect(baseKeysOf(load('fr', file)).sort(), file).toEqual(
        baseKeysOf(load('ar', file)).sort(),
      );
    }
  });

  it('leave no value empty', () => {
    for (const language of ['ar', 'fr']) {
      for (const file of files) {
        const walk = (value: unknown): void => {
          if (typeof value === 'string') expect(value.trim(), `${language}/${file}`).not.toBe('');
          else if (value && typeof value === 'object') Object.values(value).forEach(walk);
        };
        walk(load(language, file));
      }
    }
  });

  it('translate every error code and every role', () => {
    for (const code of errorCodes) {
      expect(arErrors).toHaveProperty(code);
      expect(frErrors).toHaveProperty(code);
    }
    for (const role of roles) expect(arCommon.roles).toHaveProperty(role);
  });

  it('name every public holiday of the working calendar', () => {
    const keys = new Set([...civilHolidays, ...religiousHolidays].map((holiday) => holiday.key));
    // French has the same keys (checked above).
    expect(Object.keys(arCalendar.holidays).sort()).toEqual([...keys].sort());
  });

  it('write Arabic text in Arabic script', () => {
    for (const file of files) {
      const strings: string[] = [];
      const walk = (value: unknown): void => {
        if (typeof value === 'string') strings.push(value);
        else if (value && typeof value === 'object') Object.values(value).forEach(walk);
      };
      walk(load('ar', file));
      for (const text of strings) {
        // Proper names (Français, SLEC) may be Latin; ordinary labels must contain Arabic letters.
        if (!/^(Français|SLEC)$/.test(text))
          expect(/[\u0600-\u06FF]/.test(text) || text === '—', text).toBe(true);
      }
    }
  });
});
