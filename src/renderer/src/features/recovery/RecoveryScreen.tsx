import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../app/LanguageProvider';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../format/dates';
import { AuthLayout } from '../auth/AuthLayout';

/** The file comes from a newer Maktab: nothing to do here but update the app. */
export function UpdateRequiredScreen({ reason }: { reason: string }) {
  const { t } = useTranslation('recovery');
  return (
    <AuthLayout title={t('tooNewTitle')} intro={t('tooNewIntro')}>
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }} dir="ltr">
        {t('reason', { reason })}
      </Typography>
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
  return (
    <AuthLayout title={t('title')} intro={t('intro')}>
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }} dir="ltr">
        {t('reason', { reason })}
      </Typography>
      {(restore.isError || startEmpty.isError) && <ErrorAlert error={restore.error ?? startEmpty.error} />}
      <Typography variant="h3" sx={{ mt: 3 }}>
        {t('backups')}
      </Typography>
      {backups.data?.length === 0 && <Typography color="text.secondary">{t('noBackups')}</Typography>}
      <List dense>
        {backups.data?.map((backup) => (
          <ListItem
            key={backup.name}
            secondaryAction={
              <Button size="small" onClick={() => restore.mutate({ name: backup.name })}>
                {t('restore')}
              </Button>
            }
          >
            <ListItemText primary={formatDateTime(backup.createdAt, language)} secondary={backup.name} />
          </ListItem>
        ))}
      </List>
      <Button
        color="secondary"
        variant="outlined"
        fullWidth
        sx={{ mt: 2 }}
        onClick={() => {
          if (window.confirm(t('startEmptyConfirm'))) startEmpty.mutate({});
        }}
      >
        {t('startEmpty')}
      </Button>
    </AuthLayout>
  );
}
