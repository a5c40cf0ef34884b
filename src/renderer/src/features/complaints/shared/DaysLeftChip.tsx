import ErrorIcon from '@mui/icons-material/Error';
import ScheduleIcon from '@mui/icons-material/Schedule';
import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import { useTranslation } from 'react-i18next';
import { deadlineState, type DueKind } from '../../../../../shared/complaints/legal-clock';
import { useLanguage } from '../../../app/LanguageProvider';
import { formatDay } from '../../../format/dates';

/**
 * Days to a legal deadline (decree 2-17-265): overdue in red, due within three days in amber, so
 * they stand out in a long list. Given which deadline and its day, a tooltip says them.
 */
export function DaysLeftChip({
  daysLeft,
  dueKind = null,
  dueOn = null,
  testId,
}: {
  /** Null once no deadline runs (answered, closed, merged). */
  daysLeft: number | null;
  dueKind?: DueKind | null;
  dueOn?: string | null;
  testId?: string;
}) {
  const { t } = useTranslation('complaints');
  const { language } = useLanguage();
  if (daysLeft === null) return <span data-testid={testId}>{t('deadline.none')}</span>;
  const state = deadlineState(daysLeft);
  const label =
    daysLeft < 0
      ? t('deadline.overdue', { count: -daysLeft })
      : daysLeft === 0
        ? t('deadline.dueToday')
        : t('deadline.daysLeft', { count: daysLeft });
  const chip = (
    <Chip
      size="small"
      icon={
        state === 'on_time' ? undefined : state === 'overdue' ? <ErrorIcon /> : <ScheduleIcon />
      }
      color={state === 'overdue' ? 'error' : state === 'at_risk' ? 'warning' : 'default'}
      variant={state === 'on_time' ? 'outlined' : 'filled'}
      label={label}
      data-testid={testId}
      data-state={state}
      sx={{ height: 'auto', py: 0.25, '& .MuiChip-label': { whiteSpace: 'normal' } }}
    />
  );
  if (dueKind === null || dueOn === null) return chip;
  return (
    <Tooltip title={`${t(`deadline.${dueKind}`)}: ${formatDay(dueOn, language)}`}>{chip}</Tooltip>
  );
}
