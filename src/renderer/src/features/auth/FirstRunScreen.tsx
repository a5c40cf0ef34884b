import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../app/LanguageProvider';
import { useApiMutation } from '../../api/hooks';
import { NewPasswordFields } from '../../components/NewPasswordFields';
import { useNewPassword } from '../../components/useNewPassword';
import { AuthForm } from './AuthForm';
import { AuthLayout } from './AuthLayout';
import { ApiTextField } from '../../components/ApiTextField';

/** First start on a new install: create the administrator, who then adds the staff. */
export function FirstRunScreen() {
  const { t } = useTranslation('auth');
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
    </AuthLayout>
  );
}
