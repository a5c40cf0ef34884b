import AltRouteIcon from '@mui/icons-material/AltRoute';
import ClearIcon from '@mui/icons-material/Clear';
import PersonAddAlt1Icon from '@mui/icons-material/PersonAddAlt1';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';

/**
 * What can be done at once to the checked cases of this page; an action core would refuse for one
 * of them (null) is not offered.
 */
export function BulkActions({
  count,
  onRoute,
  onAssign,
  onClear,
}: {
  count: number;
  onRoute: (() => void) | null;
  onAssign: (() => void) | null;
  onClear: () => void;
}) {
  const { t } = useTranslation('complaints');
  return (
    <Paper
      variant="outlined"
      role="toolbar"
      aria-label={t('queue.bulk.label')}
      sx={{
        display: 'flex',
        alignItems: 'center',
        gap: 1,
        px: 2,
        py: 1,
        mb: 1,
        bgcolor: 'action.selected',
        flexWrap: 'wrap',
      }}
      data-testid="queue-bulk"
    >
      <Typography sx={{ fontWeight: 600, flexGrow: 1 }} data-testid="queue-selected-count">
        {t('queue.bulk.selected', { count })}
      </Typography>
      {onRoute && (
        <Button
          variant="contained"
          startIcon={<AltRouteIcon />}
          onClick={onRoute}
          data-testid="bulk-route"
        >
          {t('queue.bulk.route')}
        </Button>
      )}
      {onAssign && (
        <Button
          variant="contained"
          startIcon={<PersonAddAlt1Icon />}
          onClick={onAssign}
          data-testid="bulk-assign"
        >
          {t('queue.bulk.assign')}
        </Button>
      )}
      <Button startIcon={<ClearIcon />} onClick={onClear} data-testid="bulk-clear">
        {t('queue.bulk.clear')}
      </Button>
    </Paper>
  );
}
