import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './ErrorAlert';

interface FormDialogProps {
  open: boolean;
  title: string;
  onClose: () => void;
  onSubmit: () => void;
  submitLabel: string;
  pending: boolean;
  /** The failed call, if any; the fields keep what was typed. */
  error: unknown;
  testId: string;
  children: ReactNode;
}

/** A dialog holding one form: the failed call's translated error on top, cancel and submit below. */
export function FormDialog({
  open,
  title,
  onClose,
  onSubmit,
  submitLabel,
  pending,
  error,
  testId,
  children,
}: FormDialogProps) {
  const { t } = useTranslation();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <Dialog
      open={open}
      // A click beside the dialog must not throw away what was typed.
      onClose={(_event, reason) => reason !== 'backdropClick' && onClose()}
      fullWidth
      maxWidth="sm"
      data-testid={testId}
    >
      <Box component="form" onSubmit={submit} noValidate sx={{ display: 'contents' }}>
        <DialogTitle>{title}</DialogTitle>
        {/* Outside the scrolling content, so the refusal shows wherever the form is scrolled. */}
        {error ? (
          <Box sx={{ px: 3 }}>
            <ErrorAlert error={error} />
          </Box>
        ) : null}
        <DialogContent>{children}</DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={pending}>
            {t('actions.cancel')}
          </Button>
          <Button
            type="submit"
            variant="contained"
            loading={pending}
            data-testid={`${testId}-submit`}
          >
            {submitLabel}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
