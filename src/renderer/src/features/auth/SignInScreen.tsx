import Button from '@mui/material/Button';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ApiTextField } from '../../components/ApiTextField';
import { AuthLayout } from './AuthLayout';

export function SignInScreen() {
  const { t } = useTranslation('auth');
  const signIn = useApiMutation('session:signIn');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ username, password }, { onError: () => setPassword('') });
  };
  return (
    <AuthLayout title={t('signIn.title')}>
      <form onSubmit={submit} noValidate>
        {signIn.isError && <ErrorAlert error={signIn.error} />}
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
        <Button
          type="submit"
          variant="contained"
          size="large"
          fullWidth
          sx={{ mt: 2 }}
          loading={signIn.isPending}
        >
          {t('signIn.submit')}
        </Button>
      </form>
    </AuthLayout>
  );
}
