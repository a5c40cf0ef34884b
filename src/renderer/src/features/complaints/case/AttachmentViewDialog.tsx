import DownloadIcon from '@mui/icons-material/Download';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../../shared/api/contract';
import type { CaseAttachment } from '../../../../../shared/api/procedures/cases.procedures';
import type { ApiCallError } from '../../../api/api-error';
import { call } from '../../../api/call';
import { CenteredProgress } from '../../../components/CenteredProgress';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { blobOf, isImage } from '../shared/attachment-files';

/**
 * Shows a scan or photo inside the page, and offers every file for download: the window may not
 * open new windows, so a blob URL in a new tab is not an option. A file not on this PC yet is
 * asked for by opening it (core queues it and syncs); the dialog waits and shows it once it lands.
 */
export function AttachmentViewDialog({
  attachment,
  reachable,
  onClose,
}: {
  /** As last refetched: `available` turns true when sync has stored the file. */
  attachment: CaseAttachment;
  /** The central server answered the last sync: the file is on its way. */
  reachable: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('cases');
  // Fetched once per opening and dropped with the dialog. Not keyed under 'cases:', so a change
  // elsewhere on the case does not fetch up to 10 MB again and swap the picture's URL.
  const file = useQuery<OutputOf<'cases:attachment'>, ApiCallError>({
    queryKey: ['attachment-file', attachment.id],
    queryFn: () => call('cases:attachment', { id: attachment.id }),
    gcTime: 0,
    staleTime: Infinity,
  });
  const url = useMemo(
    () =>
      file.data ? URL.createObjectURL(blobOf(file.data.dataBase64, file.data.mimeType)) : null,
    [file.data],
  );
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  const missing = file.isError && file.error.code === 'FILE_MISSING';
  const { refetch } = file;
  useEffect(() => {
    if (missing && attachment.available) void refetch();
  }, [missing, attachment.available, refetch]);
  return (
    <Dialog open onClose={onClose} maxWidth="lg" fullWidth data-testid="attachment-dialog">
      <DialogTitle sx={{ overflowWrap: 'anywhere' }}>
        <bdi>{attachment.fileName}</bdi>
      </DialogTitle>
      <DialogContent>
        {file.isPending && <CenteredProgress />}
        {missing &&
          (reachable ? (
            <Alert severity="info" data-testid="attachment-fetching">
              {t('attachments.fetching')} {t('attachments.showsOnArrival')}
              <LinearProgress sx={{ mt: 1 }} />
            </Alert>
          ) : (
            <Alert severity="info" data-testid="attachment-not-here">
              {t('attachments.notHereYet')}
            </Alert>
          ))}
        {file.isError && !missing && (
          <ErrorAlert error={file.error} onRetry={() => void file.refetch()} />
        )}
        {url &&
          (isImage(attachment.mimeType) ? (
            <Box
              component="img"
              src={url}
              alt={attachment.fileName}
              data-testid="attachment-image"
              sx={{ display: 'block', maxWidth: '100%', maxHeight: '70vh', mx: 'auto' }}
            />
          ) : (
            <Typography>{t('attachments.pdfHint')}</Typography>
          ))}
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose}>{t('common:actions.close')}</Button>
        {url && (
          <Button
            variant="contained"
            startIcon={<DownloadIcon />}
            href={url}
            download={attachment.fileName}
            data-testid="attachment-download"
          >
            {t('attachments.download')}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
