import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../shared/tables/platform.tables';
import arAdmin from './ar/admin.json';
import arAuth from './ar/auth.json';
import arCalendar from './ar/calendar.json';
import arCases from './ar/cases.json';
import arCommon from './ar/common.json';
import arComplaintStats from './ar/complaintStats.json';
import arComplaints from './ar/complaints.json';
import arErrors from './ar/errors.json';
import arHome from './ar/home.json';
import arRecovery from './ar/recovery.json';
import arSync from './ar/sync.json';
import arValidation from './ar/validation.json';
import frAdmin from './fr/admin.json';
import frAuth from './fr/auth.json';
import frCalendar from './fr/calendar.json';
import frCases from './fr/cases.json';
import frCommon from './fr/common.json';
import frComplaintStats from './fr/complaintStats.json';
import frComplaints from './fr/complaints.json';
import frErrors from './fr/errors.json';
import frHome from './fr/home.json';
import frRecovery from './fr/recovery.json';
import frSync from './fr/sync.json';
import frValidation from './fr/validation.json';

/** Every user-facing string lives here, Arabic first, with the same keys in French. */
export const resources = {
  ar: {
    common: arCommon,
    auth: arAuth,
    errors: arErrors,
    validation: arValidation,
    home: arHome,
    recovery: arRecovery,
    admin: arAdmin,
    complaints: arComplaints,
    cases: arCases,
    complaintStats: arComplaintStats,
    sync: arSync,
    calendar: arCalendar,
  },
  fr: {
    common: frCommon,
    auth: frAuth,
    errors: frErrors,
    validation: frValidation,
    home: frHome,
    recovery: frRecovery,
    admin: frAdmin,
    complaints: frComplaints,
    cases: frCases,
    complaintStats: frComplaintStats,
    sync: frSync,
    calendar: frCalendar,
  },
} as const;

export const defaultLanguage: Language = 'ar';
const storageKey = 'maktab.language';

/** The language before sign-in: the last one used on this PC, else Arabic. */
export function initialLanguage(): Language {
  const stored = window.localStorage.getItem(storageKey);
  return stored === 'fr' || stored === 'ar' ? stored : defaultLanguage;
}

export function rememberLanguage(language: Language): void {
  window.localStorage.setItem(storageKey, language);
}

export const i18n: I18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: false,
  ns: Object.keys(resources.ar),
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function directionOf(language: Language): 'rtl' | 'ltr' {
  return language === 'ar' ? 'rtl' : 'ltr';
}
