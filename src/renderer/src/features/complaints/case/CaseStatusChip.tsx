import Chip, { type ChipProps } from '@mui/material/Chip';
import { useTranslation } from 'react-i18next';
import type {
  ComplaintStatus,
  ReplyStatus,
} from '../../../../../shared/complaints/complaint-values';

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

/** A case's or a reply's state, in the words and colours of the register. */
export function CaseStatusChip(
  props:
    { status: ComplaintStatus; testId?: string } | { replyStatus: ReplyStatus; testId?: string },
) {
  const { t } = useTranslation('complaints');
  const [label, color] =
    'status' in props
      ? [t(`statuses.${props.status}`), statusColors[props.status]]
      : [t(`replyStatuses.${props.replyStatus}`), replyColors[props.replyStatus]];
  return (
    <Chip
      size="small"
      label={label}
      color={color}
      variant={color === 'default' ? 'outlined' : 'filled'}
      data-testid={props.testId}
    />
  );
}
