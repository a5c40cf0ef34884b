import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api/hooks';
import { ApiTextField } from '../../components/ApiTextField';
import { AuthForm } from './AuthForm';
import { AuthLayout } from './AuthLayout';

export function SignInScreen() {
  const { t } = useTranslation('auth');
  const signIn = useApiMutation('session:signIn');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const submit = () => {
    signIn.mutate({ username, password }, { onError: () => setPassword('') });
  };
  return (
    <AuthLayout title={t('signIn.title')}>
      <AuthForm
        onSubmit={submit}
        error={signIn.error}
        pending={signIn.isPending}
        submitLabel={t('signIn.submit')}
      >
        <ApiTextField
          label={t('fields.username')}
          name="username"
          autoComplete="username"
          autoFocus
          required
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
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          apiError={signIn.error}
        />
      </AuthForm>
    </AuthLayout>
  );
}
