import Alert from '@mui/material/Alert';
import LinearProgress from '@mui/material/LinearProgress';
import { useTranslation } from 'react-i18next';
import type { OnlineSignInPhase } from './useOnlineSignIn';

/**
 * Why the server is asked: a first sign-in on this PC, or a password this PC does not know (changed
 * on another PC), checked there on the user's request.
 */
export type OnlineSignInReason = 'first-time' | 'password-changed';

const keysOf: Record<OnlineSignInReason, string> = {
  'first-time': 'signIn.online',
  'password-changed': 'signIn.server',
};

/** Where a sign-in through the server stands, or why it did not go through. */
export function OnlineSignInNotice({
  phase,
  reason,
}: {
  phase: OnlineSignInPhase;
  reason: OnlineSignInReason;
}) {
  const { t } = useTranslation('auth');
  const keys = keysOf[reason];
  if (phase.kind === 'idle') return null;
  if (phase.kind === 'failed') {
    return (
      <Alert severity="error" role="alert" sx={{ my: 2 }} data-testid="online-sign-in-failed">
        {t([`${keys}.failed.${phase.failure}`, `signIn.online.failed.${phase.failure}`])}
      </Alert>
    );
  }
  return (
    <Alert severity="info" sx={{ my: 2 }} data-testid="online-sign-in-progress">
      {t([`${keys}.${phase.kind}`, `signIn.online.${phase.kind}`])}
      <LinearProgress sx={{ mt: 1 }} />
    </Alert>
  );
}
