import DialogContentText from '@mui/material/DialogContentText';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserRow } from '../../../../shared/api/procedures/admin.procedures';
import { useApiMutation } from '../../api/hooks';
import { fieldError } from '../../components/field-error';
import { FormDialog } from '../../components/FormDialog';

/** A new password chosen by the administrator, for a user who forgot theirs. */
export function ResetPasswordDialog({
  user,
  onClose,
  onDone,
}: {
  user: UserRow;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation('admin');
  const reset = useApiMutation('users:resetPassword');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const problem = fieldError(reset.error, 'password', t);
  const submit = () => {
    if (password !== confirm) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    reset.mutate({ id: user.id, password }, { onSuccess: onDone });
  };
  return (
    <FormDialog
      open
      title={t('users.resetPassword.title', { name: user.displayName })}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t('users.resetPassword.submit')}
      pending={reset.isPending}
      error={reset.error}
      testId="reset-password-dialog"
    >
      <DialogContentText>{t('users.resetPassword.intro')}</DialogContentText>
      <TextField
        label={t('users.fields.password')}
        name="password"
        type="password"
        autoComplete="new-password"
        autoFocus
        required
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={!!problem}
        helperText={problem ?? t('users.fields.passwordHint')}
      />
      <TextField
        label={t('users.fields.passwordConfirm')}
        name="confirm"
        type="password"
        autoComplete="new-password"
        required
        value={confirm}
        onChange={(event) => setConfirm(event.target.value)}
        error={mismatch}
        helperText={mismatch ? t('validation:mismatch') : undefined}
      />
    </FormDialog>
  );
}
