import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../../shared/api/procedures/cases.procedures';
import { isPending } from '../../../../../shared/complaints/complaint-values';
import { communeToday, daysBetween } from '../../../../../shared/complaints/legal-clock';
import { useLanguage } from '../../../app/LanguageProvider';
import { formatDay } from '../../../format/dates';
import { DaysLeftChip } from '../shared/DaysLeftChip';
import { Fact } from './Fact';

/** One legal deadline: its date, then either when it was met or the days left. */
function Clock({
  label,
  dueOn,
  metOn,
  metLabel,
  running,
  testId,
}: {
  label: string;
  dueOn: string;
  metOn: string | null;
  metLabel: string;
  running: boolean;
  testId: string;
}) {
  const { language } = useLanguage();
  return (
    <Fact label={label} testId={testId}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <span>{formatDay(dueOn, language)}</span>
        {metOn ? (
          <Typography
            variant="body2"
            color="success.main"
            sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}
          >
            <CheckCircleIcon fontSize="inherit" />
            {metLabel}
          </Typography>
        ) : (
          running && <DaysLeftChip daysLeft={daysBetween(communeToday(new Date()), dueOn)} />
        )}
      </Box>
    </Fact>
  );
}

/** Decree 2-17-265: acknowledge within 15 days, answer within 60, counted from receipt. */
export function LegalClocks({
  detail,
  onAcknowledge,
}: {
  detail: CaseDetail;
  onAcknowledge: (() => void) | null;
}) {
  const { t } = useTranslation('cases');
  const { language } = useLanguage();
  const running = isPending(detail.status);
  return (
    <Card variant="outlined" data-testid="legal-clocks">
      <CardContent>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1 }}>
          <Typography variant="h3" component="h2" sx={{ flexGrow: 1 }}>
            {t('clocks.title')}
          </Typography>
          {running && detail.daysLeft !== null && (
            <DaysLeftChip daysLeft={detail.daysLeft} testId="days-left" />
          )}
        </Box>
        <Fact label={t('clocks.receivedOn')}>{formatDay(detail.receivedOn, language)}</Fact>
        <Clock
          label={t('complaints:deadline.acknowledgement')}
          dueOn={detail.ackDueOn}
          metOn={detail.acknowledgedOn}
          metLabel={
            detail.acknowledgedOn
              ? t('clocks.acknowledgedOn', { date: formatDay(detail.acknowledgedOn, language) })
              : ''
          }
          running={running && detail.dueKind === 'acknowledgement'}
          testId="ack-due"
        />
        <Clock
          label={t('complaints:deadline.answer')}
          dueOn={detail.answerDueOn}
          metOn={detail.answeredOn}
          metLabel={
            detail.answeredOn
              ? t('clocks.answeredOn', { date: formatDay(detail.answeredOn, language) })
              : ''
          }
          running={running}
          testId="answer-due"
        />
        {detail.closedOn && (
          <Fact label={t('clocks.closedOn')}>{formatDay(detail.closedOn, language)}</Fact>
        )}
        {onAcknowledge && (
          <Button
            variant="outlined"
            fullWidth
            sx={{ mt: 1 }}
            onClick={onAcknowledge}
            data-testid="acknowledge"
          >
            {t('clocks.acknowledge')}
          </Button>
        )}
      </CardContent>
    </Card>
  );
}
