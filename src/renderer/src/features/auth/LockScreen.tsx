import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../../shared/api/procedures/session.procedures';
import { useApiMutation } from '../../api/hooks';
import { AuthForm } from './AuthForm';
import { AuthLayout } from './AuthLayout';

/** After inactivity: the same user unlocks with the password; the work behind stays as it was. */
export function LockScreen({ user }: { user: SessionUser }) {
  const { t } = useTranslation('auth');
  const unlock = useApiMutation('session:unlock');
  const signOut = useApiMutation('session:signOut');
  const [password, setPassword] = useState('');
  const submit = () => {
    unlock.mutate({ password }, { onError: () => setPassword('') });
  };
  return (
    <AuthLayout title={t('lock.title')} intro={t('lock.intro')}>
      <Typography sx={{ mt: 2, fontWeight: 600 }}>{user.displayName}</Typography>
      <AuthForm
        onSubmit={submit}
        error={unlock.error}
        pending={unlock.isPending}
        submitLabel={t('lock.submit')}
      >
        <TextField
          label={t('fields.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          autoFocus
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </AuthForm>
      <Button fullWidth sx={{ mt: 1 }} onClick={() => signOut.mutate({})}>
        {t('lock.otherUser')}
      </Button>
    </AuthLayout>
  );
}
