import CallSplitIcon from '@mui/icons-material/CallSplit';
import CloudSyncIcon from '@mui/icons-material/CloudSync';
import LoginIcon from '@mui/icons-material/Login';
import ReportGmailerrorredIcon from '@mui/icons-material/ReportGmailerrorred';
import SettingsEthernetIcon from '@mui/icons-material/SettingsEthernet';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import LinearProgress from '@mui/material/LinearProgress';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Popover from '@mui/material/Popover';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../../shared/api/procedures/session.procedures';
import type { SyncState, SyncStatus } from '../../../../shared/api/procedures/sync.procedures';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useLanguage } from '../../app/LanguageProvider';
import { mayCall } from '../../../../shared/api/may-call';
import { mayVisit } from '../../app/navigation';
import { navigate, type Route } from '../../app/routes';
import { formatDateTime } from '../../format/dates';
import { JoinServerDialog } from './JoinServerDialog';
import { percentOf } from './last-sync';

interface SyncStatusMenuProps {
  anchor: HTMLElement | null;
  onClose: () => void;
  status: SyncStatus;
  shown: SyncState;
  progress: number | null;
  user: SessionUser;
}

/** Under the header's chip: what sync is doing, what waits, and what to do about it. */
export function SyncStatusMenu({
  anchor,
  onClose,
  status,
  shown,
  progress,
  user,
}: SyncStatusMenuProps) {
  const { t } = useTranslation('sync');
  const { language } = useLanguage();
  const syncNow = useApiMutation('sync:now');
  const [signingIn, setSigningIn] = useState(false);
  const joined = status.state !== 'local-only';
  const mayJoin = !joined && mayVisit('admin/settings', user.roles);
  // Passwords set here that the server refused: administrators set them again.
  const refusals = useApiQuery(
    'sync:credentialRefusals',
    {},
    { enabled: anchor !== null && joined && mayCall('sync:credentialRefusals', user.roles) },
  );
  const refused = refusals.data ?? [];
  const hasActions = joined || mayJoin || status.rejections > 0 || status.conflicts > 0;
  const go = (route: Route) => {
    onClose();
    navigate(route);
  };

  return (
    <>
      <Popover
        open={anchor !== null}
        anchorEl={anchor}
        onClose={onClose}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
        transformOrigin={{ vertical: 'top', horizontal: 'center' }}
        slotProps={{
          paper: { sx: { width: 380, maxWidth: '90vw' }, 'aria-label': t('menu.label') },
        }}
        data-testid="sync-menu"
      >
        <Box sx={{ p: 2, pb: 1 }}>
          <Typography variant="subtitle1" component="p" sx={{ fontWeight: 700 }}>
            {t(`state.${shown}`)}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {t(`explain.${shown}`)}
          </Typography>
          {shown === 'syncing' && (
            <LinearProgress
              sx={{ mt: 1.5 }}
              variant={progress === null ? 'indeterminate' : 'determinate'}
              value={progress === null ? 0 : percentOf(progress)}
            />
          )}
        </Box>
        {joined && (
          <List dense disablePadding>
            {status.serverUrl && (
              <ListItem>
                <ListItemText
                  primary={t('menu.server')}
                  secondary={<bdi dir="ltr">{status.serverUrl}</bdi>}
                />
              </ListItem>
            )}
            <ListItem>
              <ListItemText
                primary={t('menu.lastSync')}
                secondary={
                  status.lastSyncAt ? formatDateTime(status.lastSyncAt, language) : t('menu.never')
                }
                slotProps={{ secondary: { 'data-testid': 'sync-last' } as object }}
              />
            </ListItem>
            <ListItem>
              <ListItemText
                primary={t('menu.pending', { count: status.pending })}
                slotProps={{ primary: { 'data-testid': 'sync-pending' } as object }}
              />
            </ListItem>
          </List>
        )}
        {refused.length > 0 && (
          <Alert severity="warning" sx={{ mx: 2, mt: 1 }} data-testid="sync-password-refusals">
            <AlertTitle>{t('menu.passwordRefusals', { count: refused.length })}</AlertTitle>
            <Box component="ul" sx={{ m: 0, ps: 2 }}>
              {refused.map((refusal) => (
                <li key={refusal.userId}>
                  <bdi dir="ltr">{refusal.username ?? refusal.userId}</bdi>
                  {' — '}
                  {t([
                    `menu.passwordRefusalReasons.${refusal.reason}`,
                    'menu.passwordRefusalReasons.other',
                  ])}
                </li>
              ))}
            </Box>
            {t('menu.passwordRefusalsHint')}
          </Alert>
        )}
        {syncNow.isError && (
          <Alert severity="warning" sx={{ mx: 2 }} data-testid="sync-now-error">
            {t('menu.syncFailed')}
          </Alert>
        )}
        {hasActions && <Divider sx={{ mt: 1 }} />}
        <List dense disablePadding={!hasActions}>
          {joined && (
            <ListItemButton
              data-testid="sync-now"
              disabled={
                syncNow.isPending ||
                shown === 'syncing' ||
                shown === 'update-required' ||
                shown === 'signed-out'
              }
              onClick={() => syncNow.mutate({})}
            >
              <ListItemIcon>
                <CloudSyncIcon />
              </ListItemIcon>
              <ListItemText primary={t('menu.syncNow')} />
            </ListItemButton>
          )}
          {status.state === 'signed-out' && (
            <ListItemButton
              data-testid="sync-sign-in-again"
              onClick={() => {
                onClose();
                setSigningIn(true);
              }}
            >
              <ListItemIcon>
                <LoginIcon />
              </ListItemIcon>
              <ListItemText primary={t('menu.signInAgain')} />
            </ListItemButton>
          )}
          {mayJoin && (
            <ListItemButton data-testid="sync-join-link" onClick={() => go('admin/settings')}>
              <ListItemIcon>
                <SettingsEthernetIcon />
              </ListItemIcon>
              <ListItemText primary={t('menu.join')} />
            </ListItemButton>
          )}
          {(joined || status.rejections > 0) && (
            <ListItemButton
              data-testid="sync-rejections-link"
              onClick={() => go('sync/rejections')}
            >
              <ListItemIcon>
                <ReportGmailerrorredIcon color={status.rejections > 0 ? 'error' : 'inherit'} />
              </ListItemIcon>
              <ListItemText primary={t('menu.rejections', { count: status.rejections })} />
            </ListItemButton>
          )}
          {(joined || status.conflicts > 0) && mayCall('sync:resolveConflict', user.roles) && (
            <ListItemButton data-testid="sync-conflicts-link" onClick={() => go('sync/conflicts')}>
              <ListItemIcon>
                <CallSplitIcon color={status.conflicts > 0 ? 'warning' : 'inherit'} />
              </ListItemIcon>
              <ListItemText primary={t('menu.conflicts', { count: status.conflicts })} />
            </ListItemButton>
          )}
        </List>
      </Popover>
      <JoinServerDialog
        open={signingIn}
        onClose={() => setSigningIn(false)}
        serverUrl={status.serverUrl ?? ''}
        username={user.username}
        lastSyncAt={status.lastSyncAt}
      />
    </>
  );
}
