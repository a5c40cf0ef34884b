import type { GridLocaleText } from '@mui/x-data-grid';
import { arSD, frFR } from '@mui/x-data-grid/locales';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../app/LanguageProvider';

const gridLocales = { ar: arSD, fr: frFR };

/**
 * MUI's own grid strings for the UI language, overridden where MUI's Arabic writes Eastern digits
 * or reads oddly right-to-left (the footer's "from–to of total").
 */
export function useDataGridLocaleText(): Partial<GridLocaleText> {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return useMemo(
    () => ({
      ...gridLocales[language].components.MuiDataGrid.defaultProps.localeText,
      noRowsLabel: t('grid.noRows'),
      noResultsOverlayLabel: t('grid.noResults'),
      paginationRowsPerPage: t('grid.rowsPerPage'),
      paginationDisplayedRows: ({ from, to, count }) =>
        t('grid.displayedRows', { from, to, total: count }),
    }),
    [language, t],
  );
}
