import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import { useTranslation } from 'react-i18next';

export function CenteredProgress() {
  const { t } = useTranslation();
  return (
    <Box sx={{ display: 'grid', placeItems: 'center', minHeight: 240, p: 4 }}>
      <CircularProgress aria-label={t('loading')} />
    </Box>
  );
}
