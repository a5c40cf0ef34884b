import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../app/LanguageProvider';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { backupKind, backupSize } from '../../format/backups';
import { formatDateTime } from '../../format/dates';
import { AuthLayout } from '../auth/AuthLayout';

/** SQLite's own words, for IT: kept left-to-right inside the translated label. */
function TechnicalReason({ reason }: { reason: string }) {
  const { t } = useTranslation('recovery');
  return (
    <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
      {t('reason')}{' '}
      <bdi dir="ltr" style={{ fontFamily: 'monospace' }}>
        {reason}
      </bdi>
    </Typography>
  );
}

/** The file comes from a newer Maktab: nothing to do here but update the app. */
export function UpdateRequiredScreen({ reason }: { reason: string }) {
  const { t } = useTranslation('recovery');
  return (
    <AuthLayout title={t('tooNewTitle')} intro={t('tooNewIntro')}>
      <TechnicalReason reason={reason} />
    </AuthLayout>
  );
}

/** The file is fine but could not be opened (locked, disk full): try again, nothing else. */
export function UnavailableScreen({ reason }: { reason: string }) {
  const { t } = useTranslation('recovery');
  const retry = useApiMutation('recovery:retry');
  return (
    <AuthLayout title={t('unavailableTitle')} intro={t('unavailableIntro')}>
      <TechnicalReason reason={reason} />
      {retry.isError && <ErrorAlert error={retry.error} />}
      <Button
        variant="contained"
        fullWidth
        sx={{ mt: 3 }}
        loading={retry.isPending}
        onClick={() => retry.mutate({})}
      >
        {t('retry')}
      </Button>
    </AuthLayout>
  );
}

/** The way out when the start-up check finds the database file damaged. */
export function RecoveryScreen({ reason }: { reason: string }) {
  const { t } = useTranslation('recovery');
  const { language } = useLanguage();
  const backups = useApiQuery('recovery:backups', {});
  const restore = useApiMutation('recovery:restore');
  const startEmpty = useApiMutation('recovery:startEmpty');
  const [confirmEmpty, setConfirmEmpty] = useState(false);
  const sizeLabel = (bytes: number) => {
    const size = backupSize(bytes, language);
    return t(`admin:backups.size.${size.unit}`, { value: size.value });
  };
  return (
    <AuthLayout title={t('title')} intro={t('intro')}>
      <TechnicalReason reason={reason} />
      {(restore.isError || startEmpty.isError) && (
        <ErrorAlert error={restore.error ?? startEmpty.error} />
      )}
      <Typography variant="h3" sx={{ mt: 3 }}>
        {t('backups')}
      </Typography>
      {backups.data?.length === 0 && (
        <Typography color="text.secondary">{t('noBackups')}</Typography>
      )}
      <List dense>
        {backups.data?.map((backup) => (
          <ListItem key={backup.name} disableGutters sx={{ gap: 2 }}>
            <ListItemText
              primary={formatDateTime(backup.createdAt, language)}
              secondary={`${t(`admin:backups.kinds.${backupKind(backup.name)}`)} · ${sizeLabel(backup.sizeBytes)}`}
            />
            <Button
              size="small"
              variant="outlined"
              sx={{ flexShrink: 0 }}
              loading={restore.isPending && restore.variables?.name === backup.name}
              onClick={() => restore.mutate({ name: backup.name })}
            >
              {t('restore')}
            </Button>
          </ListItem>
        ))}
      </List>
      <Button
        color="secondary"
        variant="outlined"
        fullWidth
        sx={{ mt: 2 }}
        onClick={() => setConfirmEmpty(true)}
      >
        {t('startEmpty')}
      </Button>
      <ConfirmDialog
        open={confirmEmpty}
        title={t('startEmpty')}
        body={t('startEmptyConfirm')}
        confirmLabel={t('startEmpty')}
        onConfirm={() => startEmpty.mutate({})}
        onClose={() => setConfirmEmpty(false)}
        pending={startEmpty.isPending}
        error={startEmpty.error}
        destructive
        testId="confirm-start-empty"
      />
    </AuthLayout>
  );
}
