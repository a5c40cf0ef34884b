import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorCodeOf } from '../../api/api-error';
import { useApiMutation } from '../../api/hooks';
import { ApiTextField } from '../../components/ApiTextField';
import { AuthForm } from './AuthForm';
import { AuthLayout } from './AuthLayout';
import { OnlineSignInNotice } from './OnlineSignInNotice';
import { useOnlineSignIn } from './useOnlineSignIn';

export function SignInScreen() {
  const { t } = useTranslation('auth');
  const signIn = useApiMutation('session:signIn');
  const online = useOnlineSignIn();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const busy = online.phase.kind === 'working' || online.phase.kind === 'fetching';

  const signInHere = (input: { username: string; password: string }, wentOnline = false) =>
    signIn.mutate(input, {
      onError: (error) => {
        // First time on this joined PC: the server checks the password, and what was typed stays.
        if (errorCodeOf(error) === 'ONLINE_SIGN_IN_REQUIRED' && !wentOnline) {
          void online.start(input.username, input.password).then((ready) => {
            if (ready) signInHere(input, true);
          });
          return;
        }
        setPassword('');
      },
    });
  const submit = () => {
    online.reset();
    signInHere({ username, password });
  };

  return (
    <AuthLayout title={t('signIn.title')}>
      <AuthForm
        onSubmit={submit}
        error={signIn.error}
        notice={
          online.phase.kind === 'idle' ? undefined : <OnlineSignInNotice phase={online.phase} />
        }
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
