import Chip, { type ChipProps } from '@mui/material/Chip';
import { useTranslation } from 'react-i18next';
import type { ComplaintStatus } from '../../../../../shared/complaints/complaint-values';

/** Colours follow the case's life: grey before anyone owns it, green once the citizen has an answer. */
const statusColor: Record<ComplaintStatus, ChipProps['color']> = {
  received: 'default',
  routed: 'info',
  in_progress: 'primary',
  awaiting_approval: 'warning',
  approved: 'success',
  answered: 'success',
  closed: 'default',
  merged: 'default',
};

const finished: readonly ComplaintStatus[] = ['answered', 'closed', 'merged'];

/** A case's status, translated. */
export function StatusChip({ status }: { status: ComplaintStatus }) {
  const { t } = useTranslation('complaints');
  return (
    <Chip
      size="small"
      color={statusColor[status]}
      variant={finished.includes(status) ? 'outlined' : 'filled'}
      label={t(`statuses.${status}`)}
      data-testid="status-chip"
      data-status={status}
      // Long statuses wrap inside narrow columns rather than being cut.
      sx={{ height: 'auto', py: 0.25, '& .MuiChip-label': { whiteSpace: 'normal' } }}
    />
  );
}
