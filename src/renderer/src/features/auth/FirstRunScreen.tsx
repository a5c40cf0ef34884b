import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../app/LanguageProvider';
import { useApiMutation } from '../../api/hooks';
import { NewPasswordFields } from '../../components/NewPasswordFields';
import { useNewPassword } from '../../components/useNewPassword';
import { AuthForm } from './AuthForm';
import { AuthLayout } from './AuthLayout';
import { ApiTextField } from '../../components/ApiTextField';
import { JoinServerForm } from '../sync/JoinServerForm';

/**
 * First start on a new install: create the administrator, who then adds the staff; or, where the
 * commune runs a central server, join it and receive its users and data.
 */
export function FirstRunScreen() {
  const { t } = useTranslation('auth');
  const [joining, setJoining] = useState(false);
  const { language } = useLanguage();
  const create = useApiMutation('session:createFirstAdmin');
  const [form, setForm] = useState({ username: '', displayName: '' });
  const newPassword = useNewPassword();
  const update = (field: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [field]: e.target.value }));
  const submit = () => {
    if (!newPassword.confirmed()) return;
    create.mutate({
      username: form.username,
      displayName: form.displayName,
      password: newPassword.password,
      language,
    });
  };
  if (joining) return <JoinOnFirstRun onCreateInstead={() => setJoining(false)} />;
  return (
    <AuthLayout title={t('firstRun.title')} intro={t('firstRun.intro')}>
      <AuthForm
        onSubmit={submit}
        error={create.error}
        pending={create.isPending}
        submitLabel={t('firstRun.submit')}
      >
        <ApiTextField
          label={t('fields.displayName')}
          name="displayName"
          autoComplete="name"
          autoFocus
          required
          value={form.displayName}
          onChange={update('displayName')}
          apiError={create.error}
        />
        <ApiTextField
          label={t('fields.username')}
          name="username"
          autoComplete="username"
          required
          value={form.username}
          onChange={update('username')}
          apiError={create.error}
          hint={t('fields.usernameHint')}
          slotProps={{ htmlInput: { dir: 'ltr' } }}
        />
        <NewPasswordFields value={newPassword} apiError={create.error} />
      </AuthForm>
      <JoinInstead onJoin={() => setJoining(true)} />
    </AuthLayout>
  );
}

function JoinInstead({ onJoin }: { onJoin: () => void }) {
  const { t } = useTranslation('sync');
  return (
    <Box sx={{ mt: 3 }}>
      <Divider>{t('firstRun.or')}</Divider>
      <Button
        variant="outlined"
        fullWidth
        size="large"
        sx={{ mt: 2 }}
        onClick={onJoin}
        data-testid="first-run-join"
      >
        {t('firstRun.join')}
      </Button>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        {t('firstRun.joinHint')}
      </Typography>
    </Box>
  );
}

function JoinOnFirstRun({ onCreateInstead }: { onCreateInstead: () => void }) {
  const { t } = useTranslation('sync');
  return (
    <AuthLayout title={t('join.title')} intro={t('join.intro')}>
      <JoinServerForm
        submitLabel={t('join.submit')}
        baseline={{ state: 'local-only', lastSyncAt: null }}
        wide
        autoFocus
      />
      <Button fullWidth sx={{ mt: 1 }} onClick={onCreateInstead} data-testid="first-run-create">
        {t('firstRun.createInstead')}
      </Button>
    </AuthLayout>
  );
}
