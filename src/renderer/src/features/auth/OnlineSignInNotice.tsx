import Alert from '@mui/material/Alert';
import LinearProgress from '@mui/material/LinearProgress';
import { useTranslation } from 'react-i18next';
import type { OnlineSignInPhase } from './useOnlineSignIn';

/** Where a first sign-in through the server stands, or why it did not go through. */
export function OnlineSignInNotice({ phase }: { phase: OnlineSignInPhase }) {
  const { t } = useTranslation('auth');
  if (phase.kind === 'idle') return null;
  if (phase.kind === 'failed') {
    return (
      <Alert severity="error" role="alert" sx={{ my: 2 }} data-testid="online-sign-in-failed">
        {t(`signIn.online.failed.${phase.failure}`)}
      </Alert>
    );
  }
  return (
    <Alert severity="info" sx={{ my: 2 }} data-testid="online-sign-in-progress">
      {t(`signIn.online.${phase.kind}`)}
      <LinearProgress sx={{ mt: 1 }} />
    </Alert>
  );
}
