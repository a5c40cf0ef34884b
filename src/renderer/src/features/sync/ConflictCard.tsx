import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { SyncConflict } from '../../../../shared/api/procedures/sync.procedures';
import type { Role } from '../../../../shared/roles';
import { useLanguage } from '../../app/LanguageProvider';
import { mayVisit } from '../../app/navigation';
import { navigate } from '../../app/routes';
import { formatDateTime } from '../../format/dates';
import { cellLabel } from './cell-label';
import { CellValue } from './CellValue';
import { conflictAuthor } from './conflict-author';
import type { RecordNames } from './record-names';

interface ConflictCardProps {
  conflict: SyncConflict;
  names: RecordNames;
  roles: readonly Role[];
  /** A choice is being saved: both buttons wait for it. */
  pending: boolean;
  onKeep: () => void;
  onRestore: () => void;
}

/** One conflict: the value sync kept beside the one it overwrote, who wrote each, and the choice. */
export function ConflictCard({
  conflict,
  names,
  roles,
  pending,
  onKeep,
  onRestore,
}: ConflictCardProps) {
  const { t } = useTranslation('sync');
  const { language } = useLanguage();
  const side = (which: 'kept' | 'lost') => (
    <Box
      sx={{
        flex: '1 1 260px',
        minWidth: 0,
        p: 1.5,
        borderRadius: 1,
        border: 1,
        borderColor: which === 'kept' ? 'primary.main' : 'divider',
        borderInlineStartWidth: 4,
      }}
      data-testid={`conflict-${which}-${conflict.id}`}
    >
      <Typography variant="caption" color="text.secondary" component="p" sx={{ fontWeight: 600 }}>
        {t(`conflicts.${which}`)}
      </Typography>
      <Box sx={{ my: 0.5 }}>
        <CellValue
          table={conflict.table}
          column={conflict.column}
          value={which === 'kept' ? conflict.keptValue : conflict.lostValue}
          names={names}
          roles={roles}
        />
      </Box>
      <Typography variant="caption" color="text.secondary">
        {conflictAuthor(t, which === 'kept' ? conflict.keptBy : conflict.lostBy, names)}
      </Typography>
    </Box>
  );

  return (
    <Paper variant="outlined" sx={{ p: 2, mb: 2 }} data-testid={`conflict-${conflict.id}`}>
      <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 2, flexWrap: 'wrap', mb: 1.5 }}>
        <Typography variant="h3" component="h2">
          {cellLabel(t, conflict.table, conflict.column)}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {t('conflicts.at', { time: formatDateTime(conflict.at, language) })}
        </Typography>
        {conflict.table === 'complaints' && mayVisit('complaints/case', roles) && (
          <Link
            component="button"
            type="button"
            variant="body2"
            onClick={() => navigate('complaints/case', conflict.rowId)}
          >
            {t('conflicts.openCase')}
          </Link>
        )}
        {conflict.resolved && (
          <Chip
            size="small"
            color="success"
            label={t('conflicts.resolved')}
            data-testid="conflict-resolved"
          />
        )}
      </Box>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        {side('kept')}
        {side('lost')}
      </Box>
      {!conflict.resolved && (
        <Box sx={{ display: 'flex', gap: 1, mt: 2, flexWrap: 'wrap' }}>
          <Button
            variant="contained"
            disabled={pending}
            onClick={onKeep}
            data-testid={`conflict-keep-${conflict.id}`}
          >
            {t('conflicts.keep')}
          </Button>
          <Button
            variant="outlined"
            disabled={pending}
            onClick={onRestore}
            data-testid={`conflict-restore-${conflict.id}`}
          >
            {t('conflicts.restore')}
          </Button>
        </Box>
      )}
    </Paper>
  );
}
