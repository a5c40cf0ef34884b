import Alert from '@mui/material/Alert';
import { useTranslation } from 'react-i18next';
import { useSyncDisplay } from './useSyncDisplay';

/**
 * Under the header while the server cannot take this PC's work: says the work is safe here and
 * will be sent. Never blocks anything; the header's chip says the same in a word.
 */
export function SyncOutageBanner() {
  const { t } = useTranslation('sync');
  const { settled } = useSyncDisplay();
  if (settled === 'offline')
    return (
      <Alert severity="warning" role="status" sx={{ mb: 2 }} data-testid="offline-banner">
        {t('banner.offline')}
      </Alert>
    );
  if (settled === 'update-required' || settled === 'signed-out')
    return (
      <Alert severity="error" role="status" sx={{ mb: 2 }} data-testid="sync-attention-banner">
        {t(`banner.${settled}`)}
      </Alert>
    );
  return null;
}
