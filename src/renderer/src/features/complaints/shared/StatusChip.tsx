import Chip, { type ChipProps } from '@mui/material/Chip';
import { useTranslation } from 'react-i18next';
import {
  isPending,
  type ComplaintStatus,
  type ReplyStatus,
} from '../../../../../shared/complaints/complaint-values';

/** Colours follow the case's life: grey before anyone owns it, green once the citizen has an answer. */
const statusColors: Record<ComplaintStatus, ChipProps['color']> = {
  received: 'default',
  routed: 'info',
  in_progress: 'primary',
  awaiting_approval: 'warning',
  approved: 'success',
  answered: 'success',
  closed: 'default',
  merged: 'default',
};

const replyColors: Record<ReplyStatus, ChipProps['color']> = {
  draft: 'default',
  submitted: 'warning',
  returned: 'error',
  approved: 'success',
  delivered: 'primary',
};

type StatusChipProps = ({ status: ComplaintStatus } | { replyStatus: ReplyStatus }) & {
  testId?: string;
};

/**
 * A case's or a reply's state, in the words and colours of the register. Once nothing is left to
 * do it is outlined, so the states that still need work stand out in a list.
 */
export function StatusChip({ testId = 'status-chip', ...props }: StatusChipProps) {
  const { t } = useTranslation('complaints');
  const [state, label, color, done] =
    'status' in props
      ? [
          props.status,
          t(`statuses.${props.status}`),
          statusColors[props.status],
          !isPending(props.status),
        ]
      : [
          props.replyStatus,
          t(`replyStatuses.${props.replyStatus}`),
          replyColors[props.replyStatus],
          props.replyStatus === 'delivered',
        ];
  return (
    <Chip
      size="small"
      color={color}
      variant={done ? 'outlined' : 'filled'}
      label={label}
      data-testid={testId}
      data-status={state}
      // Long statuses wrap inside narrow columns rather than being cut.
      sx={{ height: 'auto', py: 0.25, '& .MuiChip-label': { whiteSpace: 'normal' } }}
    />
  );
}
