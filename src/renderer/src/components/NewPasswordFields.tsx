import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { ApiTextField } from './ApiTextField';
import type { NewPassword } from './useNewPassword';

/** The new password and its confirmation; core's verdict on the password shows under it. */
export function NewPasswordFields({
  value,
  apiError,
  autoFocus = false,
}: {
  value: NewPassword;
  apiError: unknown;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <ApiTextField
        label={t('newPassword.password')}
        name="password"
        type="password"
        autoComplete="new-password"
        autoFocus={autoFocus}
        required
        value={value.password}
        onChange={(event) => value.setPassword(event.target.value)}
        apiError={apiError}
        hint={t('newPassword.hint')}
      />
      <TextField
        label={t('newPassword.confirm')}
        name="confirm"
        type="password"
        autoComplete="new-password"
        required
        value={value.confirm}
        onChange={(event) => value.setConfirm(event.target.value)}
        error={value.mismatch}
        helperText={value.mismatch ? t('validation:mismatch') : undefined}
      />
    </>
  );
}
