import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useTranslation } from 'react-i18next';
import { JoinServerForm } from './JoinServerForm';

interface JoinServerDialogProps {
  open: boolean;
  onClose: () => void;
  serverUrl: string;
  username: string;
  lastSyncAt: string | null;
}

/** Signing in to the server again after it refused this PC's token (revoked, expired). */
export function JoinServerDialog({
  open,
  onClose,
  serverUrl,
  username,
  lastSyncAt,
}: JoinServerDialogProps) {
  const { t } = useTranslation('sync');
  return (
    <Dialog
      open={open}
      // A click beside the dialog must not throw away what was typed.
      onClose={(_event, reason) => reason !== 'backdropClick' && onClose()}
      fullWidth
      maxWidth="sm"
      data-testid="join-server-dialog"
    >
      <DialogTitle>{t('menu.signInAgain')}</DialogTitle>
      <DialogContent>
        <DialogContentText>{t('explain.signed-out')}</DialogContentText>
        <JoinServerForm
          submitLabel={t('join.submitAgain')}
          initialServerUrl={serverUrl}
          initialUsername={username}
          baseline={{ state: 'signed-out', lastSyncAt }}
          onJoined={onClose}
          autoFocus
        />
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose}>{t('common:actions.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}
