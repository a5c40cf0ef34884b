import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';

/**
 * A wrong password on a PC joined to the server: it may be a password changed on another PC, which
 * only the server knows yet. Shown for every wrong password there, so it tells nothing about the
 * account or the password typed.
 */
export function ServerSignInOffer({
  disabled,
  onSignInWithServer,
}: {
  disabled: boolean;
  onSignInWithServer: () => void;
}) {
  const { t } = useTranslation('auth');
  return (
    <Alert
      severity="error"
      role="alert"
      sx={{ my: 2 }}
      data-testid="server-sign-in-offer"
      action={
        <Button
          color="inherit"
          size="small"
          disabled={disabled}
          onClick={onSignInWithServer}
          data-testid="sign-in-with-server"
        >
          {t('signIn.server.action')}
        </Button>
      }
    >
      {t('errors:INVALID_CREDENTIALS')}
      <Typography variant="body2" sx={{ mt: 0.5 }}>
        {t('signIn.server.hint')}
      </Typography>
    </Alert>
  );
}
