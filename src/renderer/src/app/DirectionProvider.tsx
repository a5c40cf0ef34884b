import createCache from '@emotion/cache';
import { CacheProvider } from '@emotion/react';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { useEffect, useMemo, type ReactNode } from 'react';
import { prefixer } from 'stylis';
import rtlPlugin from 'stylis-plugin-rtl';
import type { Language } from '../../../shared/tables/platform.tables';
import { directionOf } from '../i18n/i18n';
import { createAppTheme } from './theme';

const caches = {
  rtl: createCache({ key: 'mui-rtl', stylisPlugins: [prefixer, rtlPlugin] }),
  ltr: createCache({ key: 'mui-ltr', stylisPlugins: [prefixer] }),
};

/** Arabic turns the whole page right-to-left; French turns it back (theme, styles, <html dir>). */
export function DirectionProvider({
  language,
  children,
}: {
  language: Language;
  children: ReactNode;
}) {
  const direction = directionOf(language);
  const theme = useMemo(() => createAppTheme(direction), [direction]);
  useEffect(() => {
    document.documentElement.dir = direction;
    document.documentElement.lang = language;
  }, [direction, language]);
  return (
    <CacheProvider value={caches[direction]}>
      <ThemeProvider theme={theme}>
        <CssBaseline />
        {children}
      </ThemeProvider>
    </CacheProvider>
  );
}
