import Alert from '@mui/material/Alert';
import Snackbar from '@mui/material/Snackbar';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { noticeText, type NoticeMessage } from './notice-text';

/** A short confirmation that an action went through; closes by itself. */
export function SuccessNotice({
  message,
  onClose,
}: {
  message: NoticeMessage | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  // Keeps the notice while the snackbar fades out after `message` went back to null.
  const [shown, setShown] = useState(message);
  if (message !== null && message !== shown) setShown(message);
  // Translated at each render: the words change with the language, the notice stays open.
  const text = shown === null ? null : noticeText(shown, t);
  return (
    <Snackbar
      open={message !== null}
      autoHideDuration={5000}
      onClose={(_event, reason) => reason !== 'clickaway' && onClose()}
      // The end corner (left in Arabic): clear of the navigation and of a centred dialog's buttons.
      anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
    >
      <Alert
        severity="success"
        variant="filled"
        onClose={onClose}
        closeText={t('actions.close')}
        data-testid="success-notice"
      >
        {text}
      </Alert>
    </Snackbar>
  );
}
