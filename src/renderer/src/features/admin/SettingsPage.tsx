import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/hooks';
import { CenteredProgress } from '../../components/CenteredProgress';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import type { NoticeMessage } from '../../components/notice-text';
import { SuccessNotice } from '../../components/SuccessNotice';
import { CentralServerSection } from '../sync/CentralServerSection';
import { BackupsSection } from './BackupsSection';
import { SettingsForm } from './SettingsForm';

/** This PC's settings (screen lock, backups kept, update feed), its central server, its backups. */
export function SettingsPage() {
  const { t } = useTranslation('admin');
  const settings = useApiQuery('settings:get', {});
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  return (
    <>
      <PageHeader title={t('settings.title')} intro={t('settings.intro')} />
      <Paper variant="outlined" sx={{ p: 3, mb: 3 }}>
        <Typography variant="h2">{t('settings.formTitle')}</Typography>
        {settings.isError && (
          <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />
        )}
        {settings.isPending ? (
          <CenteredProgress />
        ) : settings.data ? (
          <SettingsForm
            settings={settings.data}
            onSaved={() => setNotice({ key: 'admin:settings.saved' })}
          />
        ) : null}
      </Paper>
      <Paper variant="outlined" sx={{ p: 3, mb: 3 }}>
        <CentralServerSection onNotice={setNotice} />
      </Paper>
      <Paper variant="outlined" sx={{ p: 3 }}>
        <BackupsSection onNotice={setNotice} />
      </Paper>
      <SuccessNotice message={notice} onClose={() => setNotice(null)} />
    </>
  );
}
