import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { ComplaintStats } from '../../../../../shared/api/procedures/complaints.procedures';
import { useLanguage } from '../../../app/LanguageProvider';
import { formatCount, formatDays, formatShare } from './stats-numbers';

function SummaryCard({
  label,
  value,
  unit,
  testId,
}: {
  label: string;
  /** Undefined while loading. */
  value: string | undefined;
  unit?: string;
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
        {unit && (
          <Typography variant="body2" color="text.secondary">
            {unit}
          </Typography>
        )}
      </CardContent>
    </Card>
  );
}

/** The period's headline figures: how many, how many answered, how fast, how many in time. */
export function StatsSummaryCards({ stats }: { stats: ComplaintStats | undefined }) {
  const { t } = useTranslation('complaintStats');
  const { language } = useLanguage();
  const none = t('common:noValue');
  const days = (value: number | null | undefined) =>
    value === undefined ? undefined : value === null ? none : formatDays(value, language);
  const cards = [
    {
      label: 'cards.total',
      value: stats && formatCount(stats.total, language),
      testId: 'stats-total',
    },
    {
      label: 'cards.answered',
      value: stats && formatCount(stats.answered, language),
      testId: 'stats-answered',
    },
    {
      label: 'cards.mean',
      value: days(stats?.meanDaysToAnswer),
      unit: t('inDays'),
      testId: 'stats-mean',
    },
    {
      label: 'cards.median',
      value: days(stats?.medianDaysToAnswer),
      unit: t('inDays'),
      testId: 'stats-median',
    },
    {
      label: 'cards.within60',
      value:
        stats &&
        (stats.shareAnsweredWithin60 === null
          ? none
          : formatShare(stats.shareAnsweredWithin60, language)),
      unit: t('ofAnswered'),
      testId: 'stats-within60',
    },
  ];
  return (
    <Grid container spacing={2} sx={{ mb: 1 }}>
      {cards.map((card) => (
        <Grid key={card.testId} size={{ xs: 12, sm: 6, md: 4, lg: 2.4 }}>
          <SummaryCard
            label={t(card.label)}
            value={card.value}
            unit={card.unit}
            testId={card.testId}
          />
        </Grid>
      ))}
    </Grid>
  );
}
