import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import arCases from '../i18n/ar/cases.json';
import frCases from '../i18n/fr/cases.json';
import { noticeText, type NoticeMessage } from './notice-text';

describe('noticeText', () => {
  it('speaks the language of the moment, the values left as they are', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({
      resources: { ar: { cases: arCases }, fr: { cases: frCases } },
      lng: 'ar',
      fallbackLng: false,
      interpolation: { escapeValue: false },
    });
    const notice: NoticeMessage = { key: 'cases:attachments.added', values: { name: 'scan.pdf' } };
    expect(noticeText(notice, i18n.t)).toBe('أضيف المرفق «scan.pdf».');
    await i18n.changeLanguage('fr');
    expect(noticeText(notice, i18n.t)).toBe('La pièce jointe « scan.pdf » est ajoutée.');
  });
});
