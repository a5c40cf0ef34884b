import CloudDoneIcon from '@mui/icons-material/CloudDone';
import CloudOffIcon from '@mui/icons-material/CloudOff';
import LockPersonIcon from '@mui/icons-material/LockPerson';
import SyncProblemIcon from '@mui/icons-material/SyncProblem';
import SystemUpdateAltIcon from '@mui/icons-material/SystemUpdateAlt';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import Tooltip from '@mui/material/Tooltip';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncState } from '../../../../shared/api/procedures/sync.procedures';
import type { SessionUser } from '../../../../shared/api/procedures/session.procedures';
import { useLanguage } from '../../app/LanguageProvider';
import { lastSyncText, percentOf } from './last-sync';
import { SyncStatusMenu } from './SyncStatusMenu';
import { useSyncDisplay } from './useSyncDisplay';

/** Amber while the server is away (work goes on), red when a person must act. */
const tones: Record<SyncState, 'plain' | 'warning' | 'danger'> = {
  'local-only': 'plain',
  online: 'plain',
  syncing: 'plain',
  offline: 'warning',
  'update-required': 'danger',
  'signed-out': 'danger',
};

const toneStyles = {
  plain: {
    color: 'inherit',
    borderColor: 'rgba(255,255,255,0.5)',
    '& .MuiChip-icon': { color: 'inherit' },
  },
  warning: {
    bgcolor: '#ffc107',
    color: 'rgba(0,0,0,0.87)',
    borderColor: '#ffc107',
    '& .MuiChip-icon': { color: 'inherit' },
    '&&:hover': { bgcolor: '#ffb300' },
  },
  danger: {
    bgcolor: '#b3261e',
    color: '#ffffff',
    borderColor: 'rgba(255,255,255,0.7)',
    '& .MuiChip-icon': { color: 'inherit' },
    '&&:hover': { bgcolor: '#8c1d18' },
  },
} as const;

function stateIcon(state: SyncState, progress: number | null): ReactElement {
  switch (state) {
    case 'local-only':
      return <CloudOffIcon />;
    case 'online':
      return <CloudDoneIcon />;
    case 'syncing':
      return (
        <CircularProgress
          size={16}
          thickness={5}
          color="inherit"
          variant={progress === null ? 'indeterminate' : 'determinate'}
          value={progress === null ? 0 : percentOf(progress)}
          data-testid="sync-progress"
        />
      );
    case 'offline':
      return <SyncProblemIcon />;
    case 'update-required':
      return <SystemUpdateAltIcon />;
    case 'signed-out':
      return <LockPersonIcon />;
  }
}

/** The header's word on sync: its state at a glance, the details and actions one click away. */
export function SyncStatusChip({ user }: { user: SessionUser }) {
  const { t } = useTranslation('sync');
  const { language } = useLanguage();
  const display = useSyncDisplay();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const { status, shown, progress } = display;

  const label =
    shown === 'online' && status?.lastSyncAt
      ? t('state.onlineAt', { time: lastSyncText(status.lastSyncAt, new Date(), language) })
      : shown === 'syncing' && progress !== null
        ? t('state.syncingPercent', { percent: percentOf(progress) })
        : t(`state.${shown}`);

  return (
    <>
      <Tooltip title={anchor ? '' : t(`explain.${shown}`)}>
        <Chip
          icon={stateIcon(shown, progress)}
          label={label}
          data-testid="sync-state"
          data-state={shown}
          variant={tones[shown] === 'plain' ? 'outlined' : 'filled'}
          sx={toneStyles[tones[shown]]}
          // Core cannot say where sync stands: nothing to open, as before sync existed.
          onClick={status ? (event) => setAnchor(event.currentTarget) : undefined}
          aria-haspopup={status ? 'dialog' : undefined}
        />
      </Tooltip>
      {status && (
        <SyncStatusMenu
          anchor={anchor}
          onClose={() => setAnchor(null)}
          status={status}
          shown={shown}
          progress={progress}
          user={user}
        />
      )}
    </>
  );
}
