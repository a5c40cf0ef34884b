import { lazy, Suspense, useEffect } from 'react';
import { useApiQuery } from '../api/hooks';
import { usePushedEvents } from '../api/usePushedEvents';
import { CenteredProgress } from '../components/CenteredProgress';
import { ErrorAlert } from '../components/ErrorAlert';
import { FirstRunScreen } from '../features/auth/FirstRunScreen';
import { LockScreen } from '../features/auth/LockScreen';
import { SignInScreen } from '../features/auth/SignInScreen';
import { useLanguage } from './LanguageProvider';

// The shell and the recovery screen load after sign-in, so the first screen stays small.
const Shell = lazy(() => import('./Shell').then((m) => ({ default: m.Shell })));
const RecoveryScreen = lazy(() =>
  import('../features/recovery/RecoveryScreen').then((m) => ({ default: m.RecoveryScreen })),
);
const UpdateRequiredScreen = lazy(() =>
  import('../features/recovery/RecoveryScreen').then((m) => ({ default: m.UpdateRequiredScreen })),
);
const UnavailableScreen = lazy(() =>
  import('../features/recovery/RecoveryScreen').then((m) => ({ default: m.UnavailableScreen })),
);

/** Chooses the screen from core's session status: recovery, first run, sign-in, lock, or the app. */
export function Gate() {
  usePushedEvents();
  const status = useApiQuery('session:status', {});
  const { language, setLanguage } = useLanguage();
  const userLanguage = status.data?.user?.language;
  useEffect(() => {
    if (userLanguage && userLanguage !== language) setLanguage(userLanguage);
    // Only a change of the signed-in user's saved language should switch the UI here.
  }, [userLanguage]);

  if (status.isPending) return <CenteredProgress />;
  if (status.isError)
    return <ErrorAlert error={status.error} onRetry={() => void status.refetch()} />;
  const { database, setupRequired, user, locked } = status.data;
  return (
    <Suspense fallback={<CenteredProgress />}>
      {database === 'unavailable' ? (
        <UnavailableScreen reason={status.data.damagedReason ?? ''} />
      ) : database === 'too-new' ? (
        <UpdateRequiredScreen reason={status.data.damagedReason ?? ''} />
      ) : database === 'damaged' ? (
        <RecoveryScreen reason={status.data.damagedReason ?? ''} />
      ) : setupRequired ? (
        <FirstRunScreen />
      ) : !user ? (
        <SignInScreen />
      ) : locked ? (
        <LockScreen user={user} />
      ) : (
        <Shell user={user} />
      )}
    </Suspense>
  );
}
