import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DepartmentRow, UserRow } from '../../../../shared/api/procedures/admin.procedures';
import { useApiMutation } from '../../api/hooks';
import { fieldError } from '../../components/field-error';
import { FormDialog } from '../../components/FormDialog';
import { DepartmentField } from './DepartmentField';
import { RolesField } from './RolesField';
import { ApiTextField } from '../../components/ApiTextField';

/** Name, roles and department of an existing account; the username never changes. */
export function EditUserDialog({
  user,
  departments,
  onClose,
  onSaved,
}: {
  user: UserRow;
  departments: readonly DepartmentRow[];
  onClose: () => void;
  onSaved: (displayName: string) => void;
}) {
  const { t } = useTranslation('admin');
  const update = useApiMutation('users:update');
  const [form, setForm] = useState({
    displayName: user.displayName,
    roles: user.roles,
    departmentId: user.departmentId ?? '',
  });
  const problem = (field: string) => fieldError(update.error, field, t);
  const submit = () =>
    update.mutate(
      {
        id: user.id,
        displayName: form.displayName,
        roles: form.roles,
        departmentId: form.departmentId || null,
      },
      { onSuccess: (saved) => onSaved(saved.displayName) },
    );

  return (
    <FormDialog
      open
      title={t('users.edit.title', { name: user.displayName })}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t('common:actions.save')}
      pending={update.isPending}
      error={update.error}
      testId="user-dialog"
    >
      <TextField
        label={t('users.fields.username')}
        value={user.username}
        disabled
        slotProps={{ htmlInput: { dir: 'ltr' } }}
      />
      <ApiTextField
        label={t('users.fields.displayName')}
        name="displayName"
        autoFocus
        required
        value={form.displayName}
        onChange={(event) => setForm((f) => ({ ...f, displayName: event.target.value }))}
        apiError={update.error}
      />
      <RolesField
        value={form.roles}
        onChange={(roles) => setForm((f) => ({ ...f, roles }))}
        error={problem('roles')}
      />
      <DepartmentField
        departments={departments}
        value={form.departmentId}
        onChange={(departmentId) => setForm((f) => ({ ...f, departmentId }))}
        error={problem('departmentId')}
      />
    </FormDialog>
  );
}
