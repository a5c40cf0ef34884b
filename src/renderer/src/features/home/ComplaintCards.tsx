import Card from '@mui/material/Card';
import CardActionArea from '@mui/material/CardActionArea';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { QueueView } from '../../../../shared/api/procedures/complaints.procedures';
import { useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { openQueue } from '../complaints/shared/queue-memory';

/** The views a clerk or a head starts the day with: what must not wait. */
const dayViews: readonly { view: QueueView; tone: 'error' | 'warning' | 'primary' }[] = [
  { view: 'urgent', tone: 'error' },
  { view: 'overdue', tone: 'error' },
  { view: 'at_risk', tone: 'warning' },
  { view: 'mine', tone: 'primary' },
  { view: 'awaiting_approval', tone: 'primary' },
];

/** Complaint counts on the home page, for those who read the register; each opens the queue. */
export function ComplaintCards() {
  const { t } = useTranslation('complaints');
  const counts = useApiQuery('complaints:viewCounts', {});
  if (counts.isError)
    return <ErrorAlert error={counts.error} onRetry={() => void counts.refetch()} />;
  return (
    <Grid container spacing={2} sx={{ mb: 2 }}>
      {dayViews.map(({ view, tone }) => (
        <Grid key={view} size={{ xs: 12, sm: 6, md: 4, lg: 2.4 }}>
          <Card variant="outlined" sx={{ height: '100%' }}>
            <CardActionArea onClick={() => openQueue(view)} sx={{ height: '100%' }}>
              <CardContent>
                <Typography color="text.secondary" gutterBottom>
                  {t(`views.${view}`)}
                </Typography>
                <Typography
                  variant="h2"
                  component="p"
                  color={counts.data && counts.data[view] > 0 ? `${tone}.main` : 'text.primary'}
                  data-testid={`home-complaints-${view}`}
                >
                  {counts.data ? counts.data[view] : <Skeleton width={60} />}
                </Typography>
              </CardContent>
            </CardActionArea>
          </Card>
        </Grid>
      ))}
    </Grid>
  );
}
