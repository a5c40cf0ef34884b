import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Language } from '../../../shared/tables/platform.tables';
import { i18n, initialLanguage, rememberLanguage } from '../i18n/i18n';
import { DirectionProvider } from './DirectionProvider';

interface LanguageControl {
  language: Language;
  /** Switches the whole UI (strings, direction); the caller saves it on the user's profile. */
  setLanguage: (language: Language) => void;
}

const LanguageContext = createContext<LanguageControl | null>(null);

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, setState] = useState<Language>(initialLanguage);
  const setLanguage = useCallback((next: Language) => {
    rememberLanguage(next);
    void i18n.changeLanguage(next);
    setState(next);
  }, []);
  const value = useMemo(() => ({ language, setLanguage }), [language, setLanguage]);
  return (
    <LanguageContext.Provider value={value}>
      <DirectionProvider language={language}>{children}</DirectionProvider>
    </LanguageContext.Provider>
  );
}

export function useLanguage(): LanguageControl {
  const control = useContext(LanguageContext);
  if (!control) throw new Error('useLanguage outside LanguageProvider');
  return control;
}
