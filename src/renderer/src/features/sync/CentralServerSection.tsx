import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../../shared/api/procedures/sync.procedures';
import { useApiQuery } from '../../api/hooks';
import type { NoticeMessage } from '../../components/notice-text';
import { ltr } from '../complaints/case/bidi';
import type { JoinBaseline } from './join-outcome';
import { JoinServerForm } from './JoinServerForm';

/** A run going means the PC is joined: it ends online or offline, never in `syncing`. */
function baselineOf(status: SyncStatus | undefined): JoinBaseline {
  if (!status) return { state: 'local-only', lastSyncAt: null };
  return {
    state: status.state === 'syncing' ? 'online' : status.state,
    lastSyncAt: status.lastSyncAt,
  };
}

/** Settings: the central server this PC syncs with, and joining one (or signing in again). */
export function CentralServerSection({ onNotice }: { onNotice: (message: NoticeMessage) => void }) {
  const { t } = useTranslation('sync');
  const status = useApiQuery('sync:status', {});
  // A failed status is the state before sync existed: not joined.
  const joinedTo = status.data && status.data.state !== 'local-only' ? status.data.serverUrl : null;
  return (
    <Box data-testid="central-server">
      <Typography variant="h2">{t('settings.title')}</Typography>
      <Typography color="text.secondary" sx={{ mt: 1 }}>
        {t('settings.intro')}
      </Typography>
      <Typography sx={{ mt: 2, fontWeight: 600 }} data-testid="central-server-state">
        {joinedTo ? t('settings.joinedTo', { url: ltr(joinedTo) }) : t('settings.notJoined')}
      </Typography>
      {joinedTo && (
        <Typography variant="body2" color="text.secondary">
          {t('settings.rejoinHint')}
        </Typography>
      )}
      {/* Mounted once the status is known, so that it starts from the address in use. */}
      <Box sx={{ maxWidth: 520 }}>
        {!status.isPending && (
          <JoinServerForm
            submitLabel={t(joinedTo ? 'join.submitAgain' : 'join.submit')}
            baseline={baselineOf(status.data)}
            initialServerUrl={joinedTo ?? ''}
            onJoined={() => onNotice({ key: 'sync:join.joined' })}
          />
        )}
      </Box>
    </Box>
  );
}
