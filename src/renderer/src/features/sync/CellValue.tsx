import LockIcon from '@mui/icons-material/Lock';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../shared/roles';
import { useLanguage } from '../../app/LanguageProvider';
import { mayVisit } from '../../app/navigation';
import { navigate } from '../../app/routes';
import { describeCellValue } from './cell-value';
import { cellValueText } from './cell-value-text';
import type { RecordNames } from './record-names';

interface CellValueProps {
  table: string;
  column: string;
  value: string | null;
  names: RecordNames;
  roles: readonly Role[];
}

/** One synced cell's value, translated; a protected value is never shown, only said to be there. */
export function CellValue({ table, column, value, names, roles }: CellValueProps) {
  const { t } = useTranslation('sync');
  const { language } = useLanguage();
  const view = describeCellValue(table, column, value);

  if (view.kind === 'hidden' || view.kind === 'empty')
    return (
      <Typography
        component="span"
        variant="body2"
        color="text.secondary"
        sx={{ fontStyle: 'italic', display: 'inline-flex', alignItems: 'center', gap: 0.5 }}
        data-testid={view.kind === 'hidden' ? 'cell-hidden' : 'cell-empty'}
      >
        {view.kind === 'hidden' && <LockIcon fontSize="inherit" />}
        {t(view.kind === 'hidden' ? 'values.hidden' : 'values.empty')}
      </Typography>
    );
  if (view.kind === 'reference' && view.to === 'complaint' && mayVisit('complaints/case', roles))
    return (
      <Link component="button" type="button" onClick={() => navigate('complaints/case', view.id)}>
        {t('conflicts.openCase')}
      </Link>
    );
  if (view.kind === 'text' && view.long)
    return (
      <Box
        dir="auto"
        sx={{
          whiteSpace: 'pre-wrap',
          maxHeight: 160,
          overflow: 'auto',
          p: 1,
          borderRadius: 1,
          bgcolor: 'action.hover',
          typography: 'body2',
        }}
      >
        {view.text}
      </Box>
    );
  return (
    <Typography component="bdi" variant="body2" dir={view.kind === 'text' ? 'auto' : undefined}>
      {cellValueText(view, t, language, names)}
    </Typography>
  );
}
