import DialogContentText from '@mui/material/DialogContentText';
import { useTranslation } from 'react-i18next';
import type { UserRow } from '../../../../shared/api/procedures/admin.procedures';
import { useApiMutation } from '../../api/hooks';
import { FormDialog } from '../../components/FormDialog';
import { NewPasswordFields } from '../../components/NewPasswordFields';
import { useNewPassword } from '../../components/useNewPassword';

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
  const newPassword = useNewPassword();
  const submit = () => {
    if (!newPassword.confirmed()) return;
    reset.mutate({ id: user.id, password: newPassword.password }, { onSuccess: onDone });
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
      <NewPasswordFields value={newPassword} apiError={reset.error} autoFocus />
    </FormDialog>
  );
}
