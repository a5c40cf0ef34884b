import Chip, { type ChipProps } from '@mui/material/Chip';
import { useTranslation } from 'react-i18next';
import { deadlineState, type DeadlineState } from '../../../../../shared/complaints/legal-clock';

const colors: Record<DeadlineState, ChipProps['color']> = {
  overdue: 'error',
  at_risk: 'warning',
  on_time: 'success',
};

/** Days to a legal deadline: overdue in red, due within 3 days in amber. */
export function DaysLeftChip({ daysLeft, testId }: { daysLeft: number; testId?: string }) {
  const { t } = useTranslation('complaints');
  const state = deadlineState(daysLeft);
  const label =
    daysLeft < 0
      ? t('deadline.overdue', { count: -daysLeft })
      : daysLeft === 0
        ? t('deadline.dueToday')
        : t('deadline.daysLeft', { count: daysLeft });
  return (
    <Chip
      size="small"
      color={colors[state]}
      variant={state === 'on_time' ? 'outlined' : 'filled'}
      label={label}
      data-testid={testId}
      data-state={state}
    />
  );
}
