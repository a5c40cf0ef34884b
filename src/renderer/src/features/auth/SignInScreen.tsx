import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorCodeOf } from '../../api/api-error';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ApiTextField } from '../../components/ApiTextField';
import { AuthForm } from './AuthForm';
import { AuthLayout } from './AuthLayout';
import { OnlineSignInNotice, type OnlineSignInReason } from './OnlineSignInNotice';
import { ServerSignInOffer } from './ServerSignInOffer';
import { useOnlineSignIn } from './useOnlineSignIn';

interface Typed {
  username: string;
  password: string;
}

export function SignInScreen() {
  const { t } = useTranslation('auth');
  const signIn = useApiMutation('session:signIn');
  const joined = useApiQuery('session:status', {}).data?.joinedToServer ?? false;
  const online = useOnlineSignIn();
  const [reason, setReason] = useState<OnlineSignInReason>('first-time');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const busy = online.phase.kind === 'working' || online.phase.kind === 'fetching';
  const wrongPassword = errorCodeOf(signIn.error) === 'INVALID_CREDENTIALS';

  /** The server checks the password; once this PC can, the same sign-in runs here again. */
  const goOnline = (input: Typed, why: OnlineSignInReason) => {
    setReason(why);
    void online.start(input.username, input.password).then((ready) => {
      if (ready) signInHere(input, true);
    });
  };

  const signInHere = (input: Typed, wentOnline = false) =>
    signIn.mutate(input, {
      onError: (error) => {
        const code = errorCodeOf(error);
        // First time on this joined PC: the server checks the password, and what was typed stays.
        if (code === 'ONLINE_SIGN_IN_REQUIRED' && !wentOnline) {
          goOnline(input, 'first-time');
          return;
        }
        // Perhaps changed on another PC: kept for "sign in with the server", if the user asks.
        if (code === 'INVALID_CREDENTIALS' && joined && !wentOnline) return;
        setPassword('');
      },
    });
  const submit = () => {
    online.reset();
    signInHere({ username, password });
  };

  const notice =
    online.phase.kind !== 'idle' ? (
      <OnlineSignInNotice phase={online.phase} reason={reason} />
    ) : wrongPassword && joined ? (
      <ServerSignInOffer
        disabled={signIn.isPending || username.trim() === '' || password === ''}
        onSignInWithServer={() => goOnline({ username, password }, 'password-changed')}
      />
    ) : undefined;

  return (
    <AuthLayout title={t('signIn.title')}>
      <AuthForm
        onSubmit={submit}
        error={signIn.error}
        notice={notice}
        pending={signIn.isPending || busy}
        submitLabel={t('signIn.submit')}
      >
        <ApiTextField
          label={t('fields.username')}
          name="username"
          autoComplete="username"
          autoFocus
          required
          disabled={busy}
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          apiError={signIn.error}
          slotProps={{ htmlInput: { dir: 'ltr' } }}
        />
        <ApiTextField
          label={t('fields.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          disabled={busy}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          apiError={signIn.error}
        />
      </AuthForm>
    </AuthLayout>
  );
}
