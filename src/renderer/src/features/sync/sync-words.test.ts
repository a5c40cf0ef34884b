import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { syncStateSchema } from '../../../../shared/api/procedures/sync.procedures';
import { rejectionReasons } from '../../../../shared/sync/protocol';
import { syncedTables } from '../../../../shared/tables/registry';
import { ApiCallError } from '../../api/api-error';
import arErrors from '../../i18n/ar/errors.json';
import arSync from '../../i18n/ar/sync.json';
import arValidation from '../../i18n/ar/validation.json';
import frErrors from '../../i18n/fr/errors.json';
import frSync from '../../i18n/fr/sync.json';
import frValidation from '../../i18n/fr/validation.json';
import { cellLabel } from './cell-label';
import { conflictAuthor } from './conflict-author';
import { joinErrorText, joinFieldError } from './join-errors';

const sync = { ar: arSync, fr: frSync } as const;

function translator(language: 'ar' | 'fr'): Promise<TFunction> {
  const instance = i18next.createInstance();
  return instance.init({
    lng: language,
    fallbackLng: false,
    defaultNS: 'sync',
    resources: {
      ar: { sync: arSync, errors: arErrors, validation: arValidation },
      fr: { sync: frSync, errors: frErrors, validation: frValidation },
    },
    interpolation: { escapeValue: false },
  });
}

let ar: TFunction;
let fr: TFunction;
beforeAll(async () => {
  ar = await translator('ar');
  fr = await translator('fr');
});

describe('sync translations', () => {
  it('explain every reason the server gives for a rejection, in both languages', () => {
    for (const language of ['ar', 'fr'] as const)
      for (const reason of rejectionReasons)
        expect(sync[language].reasons, `${language} ${reason}`).toHaveProperty(reason);
  });

  it('name every state of the header, with its explanation', () => {
    for (const language of ['ar', 'fr'] as const)
      for (const state of syncStateSchema.options) {
        expect(sync[language].state, `${language} ${state}`).toHaveProperty([state]);
        expect(sync[language].explain, `${language} ${state}`).toHaveProperty([state]);
      }
  });

  it('name every synced table and column, so a rejection never shows a raw identifier', () => {
    for (const language of ['ar', 'fr'] as const)
      for (const [table, declaration] of Object.entries(syncedTables)) {
        expect(sync[language].records, `${language} ${table}`).toHaveProperty([table]);
        for (const column of Object.keys(declaration.columns))
          expect(sync[language].cells, `${language} ${table}.${column}`).toHaveProperty([
            table,
            column,
          ]);
      }
  });
});

describe('cellLabel', () => {
  it('says what a cell is: the status of a complaint', () => {
    expect(cellLabel(fr, 'complaints', 'status')).toBe("Statut d'une réclamation");
    expect(cellLabel(ar, 'complaints', 'status')).toBe('حالة الشكاية');
  });

  it('names the tombstone and what this app does not know without failing', () => {
    expect(cellLabel(fr, 'complaints', 'deleted')).toBe("Suppression d'une réclamation");
    expect(cellLabel(fr, 'complaints', 'priority')).toBe("Champ priority d'une réclamation");
    expect(cellLabel(ar, 'slec_milestones', 'status')).toBe(
      'الخانة status في الجدول slec_milestones',
    );
  });
});

describe('join errors', () => {
  it('uses the join form’s own words first, else the app’s error list', () => {
    const refused = new ApiCallError({ code: 'INVALID_CREDENTIALS', message: '' });
    expect(joinErrorText(fr, refused)).toBe(frSync.join.errors.INVALID_CREDENTIALS);
    const locked = new ApiCallError({ code: 'LOCKED', message: '' });
    expect(joinErrorText(ar, locked)).toBe(arErrors.LOCKED);
    expect(joinErrorText(fr, new Error('transport'))).toBe(frErrors.INTERNAL);
  });

  it('advises on the address, and falls back to the validation words for other fields', () => {
    const invalid = new ApiCallError({
      code: 'VALIDATION',
      message: '',
      fields: { serverUrl: 'invalid_format', username: 'invalid_format', password: 'odd_code' },
    });
    expect(joinFieldError(fr, invalid, 'serverUrl')).toBe(
      frSync.join.fieldErrors.serverUrl.invalid_format,
    );
    expect(joinFieldError(fr, invalid, 'username')).toBe(frValidation.invalid_format);
    expect(joinFieldError(fr, invalid, 'password')).toBe(frValidation.invalid);
    expect(joinFieldError(fr, invalid, 'other')).toBeUndefined();
  });
});

describe('conflictAuthor', () => {
  const names = {
    user: (id: string) => (id === '0193a1b2-0000-7000-8000-000000000001' ? 'Souad' : null),
    department: () => null,
    category: () => null,
  };

  it('names a known user, hides an unknown id, and says when nobody is known', () => {
    expect(conflictAuthor(fr, '0193a1b2-0000-7000-8000-000000000001', names)).toBe('par Souad');
    expect(conflictAuthor(fr, '0193a1b2-0000-7000-8000-000000000009', names)).toBe(
      'par un autre utilisateur',
    );
    expect(conflictAuthor(ar, null, names)).toBe(arSync.conflicts.byUnknown);
  });
});
