import WarningIcon from '@mui/icons-material/Warning';
import Chip from '@mui/material/Chip';
import { useTranslation } from 'react-i18next';

/** Danger to people or property (decree 2-17-265): the case cannot wait for the usual clocks. */
export function UrgentChip() {
  const { t } = useTranslation('complaints');
  return (
    <Chip
      size="small"
      color="error"
      icon={<WarningIcon />}
      label={t('urgency.urgent')}
      data-testid="urgent-chip"
    />
  );
}
