import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../../shared/api/procedures/cases.procedures';
import { useLanguage } from '../../../app/LanguageProvider';
import { navigate } from '../../../app/routes';
import { formatDay } from '../../../format/dates';
import { BackButton } from '../shared/BackButton';
import { StatusChip } from '../shared/StatusChip';
import { UrgentChip } from '../shared/UrgentChip';
import { ltr } from './bidi';

/** The case's number (official, else this PC's), its kind, state and urgency. */
export function CaseHeader({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation('cases');
  const { language } = useLanguage();
  return (
    <Box sx={{ mb: 2 }}>
      <BackButton
        size="small"
        onClick={() => navigate('complaints')}
        data-testid="back-to-queue"
        sx={{ mb: 1 }}
      >
        {t('header.backToQueue')}
      </BackButton>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, flexWrap: 'wrap' }}>
        <Typography variant="h1" component="h1">
          {t(`complaints:kinds.${detail.kind}`)}{' '}
          <bdi dir="ltr" data-testid="case-number">
            {detail.number}
          </bdi>
        </Typography>
        <StatusChip status={detail.status} testId="case-status" />
        {detail.urgent && <UrgentChip />}
      </Box>
      <Typography color="text.secondary" variant="body2" sx={{ mt: 0.5 }}>
        {detail.officialNumber
          ? t('header.localNumber', { number: ltr(detail.localNumber) })
          : t('complaints:officialNumberPending')}
        {' · '}
        {t('header.received', {
          date: formatDay(detail.receivedOn, language),
          channel: t(`complaints:channels.${detail.channel}`),
        })}
      </Typography>
    </Box>
  );
}
