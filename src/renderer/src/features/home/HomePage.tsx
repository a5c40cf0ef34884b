import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../app/LanguageProvider';
import { useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatDateTime } from '../../format/dates';
import { mayVisit } from '../../app/navigation';
import { ComplaintCards } from './ComplaintCards';

function CountCard({
  label,
  value,
  testId,
}: {
  label: string;
  value: string | number | undefined;
  testId: string;
}) {
  return (
    <Card variant="outlined" sx={{ height: '100%' }}>
      <CardContent>
        <Typography color="text.secondary" gutterBottom>
          {label}
        </Typography>
        <Typography variant="h2" component="p" data-testid={testId}>
          {value ?? <Skeleton width={60} />}
        </Typography>
      </CardContent>
    </Card>
  );
}

/** Real counts from core, refreshed when core says the data behind them changed. */
export function HomePage() {
  const { t } = useTranslation('home');
  const { language } = useLanguage();
  const status = useApiQuery('session:status', {});
  const counts = useApiQuery('home:counts', {});
  const data = counts.data;
  const lastBackup = data
    ? data.lastBackupAt
      ? formatDateTime(data.lastBackupAt, language)
      : t('neverBackedUp')
    : undefined;
  const cards = [
    { label: 'cards.activeUsers', value: data?.activeUsers, testId: 'count-active-users' },
    { label: 'cards.departments', value: data?.departments, testId: 'count-departments' },
    { label: 'cards.auditToday', value: data?.auditToday, testId: 'count-audit-today' },
    { label: 'cards.pendingChanges', value: data?.pendingChanges, testId: 'count-pending' },
    { label: 'cards.lastBackup', value: lastBackup, testId: 'last-backup', wide: true },
  ];
  return (
    <>
      <Typography variant="h1">
        {t('greeting', { name: status.data?.user?.displayName ?? '' })}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 3 }}>
        {t('today', { date: formatDate(new Date(), language, 'EEEE d MMMM yyyy') })}
      </Typography>
      {status.data?.user && mayVisit('complaints', status.data.user.roles) && <ComplaintCards />}
      {counts.isError && <ErrorAlert error={counts.error} onRetry={() => void counts.refetch()} />}
      <Grid container spacing={2}>
        {cards.map((card) => (
          <Grid key={card.testId} size={{ xs: 12, sm: 6, md: card.wide ? 8 : 4 }}>
            <CountCard label={t(card.label)} value={card.value} testId={card.testId} />
          </Grid>
        ))}
      </Grid>
    </>
  );
}
