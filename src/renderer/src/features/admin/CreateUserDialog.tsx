import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DepartmentRow } from '../../../../shared/api/procedures/admin.procedures';
import type { Role } from '../../../../shared/roles';
import type { Language } from '../../../../shared/tables/platform.tables';
import { useLanguage } from '../../app/LanguageProvider';
import { useApiMutation } from '../../api/hooks';
import { fieldError } from '../../components/field-error';
import { FormDialog } from '../../components/FormDialog';
import { NewPasswordFields } from '../../components/NewPasswordFields';
import { useNewPassword } from '../../components/useNewPassword';
import { DepartmentField } from './DepartmentField';
import { RolesField } from './RolesField';
import { ApiTextField } from '../../components/ApiTextField';

const languages: readonly Language[] = ['ar', 'fr'];

/** A new staff account; on a refusal everything typed stays in place to be corrected. */
export function CreateUserDialog({
  departments,
  onClose,
  onCreated,
}: {
  departments: readonly DepartmentRow[];
  onClose: () => void;
  onCreated: (displayName: string) => void;
}) {
  const { t } = useTranslation('admin');
  const { language } = useLanguage();
  const create = useApiMutation('users:create');
  const [form, setForm] = useState({
    displayName: '',
    username: '',
    roles: [] as Role[],
    departmentId: '',
    language,
  });
  const newPassword = useNewPassword();
  const set =
    <K extends keyof typeof form>(field: K) =>
    (value: (typeof form)[K]) =>
      setForm((current) => ({ ...current, [field]: value }));
  const problem = (field: string) => fieldError(create.error, field, t);

  const submit = () => {
    if (!newPassword.confirmed()) return;
    create.mutate(
      {
        displayName: form.displayName,
        username: form.username,
        password: newPassword.password,
        roles: form.roles,
        departmentId: form.departmentId || null,
        language: form.language,
      },
      { onSuccess: (user) => onCreated(user.displayName) },
    );
  };

  return (
    <FormDialog
      open
      title={t('users.create.title')}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t('users.create.submit')}
      pending={create.isPending}
      error={create.error}
      testId="user-dialog"
    >
      <ApiTextField
        label={t('users.fields.displayName')}
        name="displayName"
        autoFocus
        required
        value={form.displayName}
        onChange={(event) => set('displayName')(event.target.value)}
        apiError={create.error}
      />
      <ApiTextField
        label={t('users.fields.username')}
        name="username"
        autoComplete="off"
        required
        value={form.username}
        onChange={(event) => set('username')(event.target.value)}
        apiError={create.error}
        hint={t('users.fields.usernameHint')}
        slotProps={{ htmlInput: { dir: 'ltr', spellCheck: false } }}
      />
      <NewPasswordFields value={newPassword} apiError={create.error} />
      <RolesField value={form.roles} onChange={set('roles')} error={problem('roles')} />
      <DepartmentField
        departments={departments}
        value={form.departmentId}
        onChange={set('departmentId')}
        error={problem('departmentId')}
      />
      <TextField
        select
        label={t('users.fields.language')}
        value={form.language}
        onChange={(event) => set('language')(event.target.value as Language)}
        error={!!problem('language')}
        helperText={problem('language')}
      >
        {languages.map((option) => (
          <MenuItem key={option} value={option} lang={option}>
            {t(`common:languages.${option}`)}
          </MenuItem>
        ))}
      </TextField>
    </FormDialog>
  );
}
