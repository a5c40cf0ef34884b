import FileDownloadIcon from '@mui/icons-material/FileDownload';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { communeToday } from '../../../../../shared/complaints/legal-clock';
import { useLanguage } from '../../../app/LanguageProvider';
import { BackButton } from '../shared/BackButton';
import { navigate } from '../../../app/routes';
import { useApiQuery } from '../../../api/hooks';
import { CenteredProgress } from '../../../components/CenteredProgress';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { SuccessNotice } from '../../../components/SuccessNotice';
import { StatsBreakdowns } from './StatsBreakdowns';
import { StatsPeriodPicker } from './StatsPeriodPicker';
import { StatsSummaryCards } from './StatsSummaryCards';
import { periodProblems, presetPeriod, type StatsPeriod } from './stats-period';
import { useStatsExport } from './useStatsExport';

/** Statistics of the register over a period (issue 3, item 8), with its export to Excel. */
export function StatsPage() {
  const { t } = useTranslation('complaintStats');
  const { language } = useLanguage();
  const [today] = useState(() => communeToday(new Date()));
  const [period, setPeriod] = useState<StatsPeriod>(() => presetPeriod('thisYear', today));
  const [exportedFile, setExportedFile] = useState<string | null>(null);
  const valid = Object.keys(periodProblems(period)).length === 0;
  // While a new period loads, the last figures stay on screen under a progress bar.
  const stats = useApiQuery('complaintStats:summary', period, {
    enabled: valid,
    placeholderData: keepPreviousData,
  });
  const exporter = useStatsExport((file) => setExportedFile(file.fileName));

  return (
    <>
      <BackButton
        size="small"
        onClick={() => navigate('complaints')}
        data-testid="back-to-queue"
        sx={{ mb: 1 }}
      >
        {t('backToQueue')}
      </BackButton>
      <PageHeader
        title={t('title')}
        intro={t('intro')}
        action={
          <Button
            variant="contained"
            startIcon={<FileDownloadIcon />}
            loading={exporter.isPending}
            loadingPosition="start"
            disabled={!valid || !stats.data}
            onClick={() => exporter.mutate({ ...period, language })}
            data-testid="stats-export"
          >
            {t('export')}
          </Button>
        }
      />
      <StatsPeriodPicker value={period} onChange={setPeriod} today={today} />
      {exporter.isError && <ErrorAlert error={exporter.error} />}
      {stats.isError && <ErrorAlert error={stats.error} onRetry={() => void stats.refetch()} />}
      <Box sx={{ height: 4, mb: 1 }}>
        {stats.isFetching && stats.data && <LinearProgress aria-label={t('common:loading')} />}
      </Box>
      {/* Figures of another period never stand beside dates that are wrong. */}
      {!valid ? null : stats.isPending ? (
        <CenteredProgress />
      ) : (
        stats.data && (
          <>
            <StatsSummaryCards stats={stats.data} />
            <Typography variant="body2" color="text.secondary" sx={{ mb: 3 }}>
              {t('answerTimesNote')}
            </Typography>
            <Grid container spacing={2}>
              <StatsBreakdowns stats={stats.data} />
            </Grid>
          </>
        )
      )}
      <SuccessNotice
        // The Latin file name isolated, so its digits and dots stay in place in an Arabic sentence.
        message={
          exportedFile === null
            ? null
            : {
                key: 'complaintStats:exported',
                values: { fileName: `\u2068${exportedFile}\u2069` },
              }
        }
        onClose={() => setExportedFile(null)}
      />
    </>
  );
}
