import AttachFileIcon from '@mui/icons-material/AttachFile';
import ImageIcon from '@mui/icons-material/Image';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../../shared/api/procedures/cases.procedures';
import { useApiMutation } from '../../../api/hooks';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useLanguage } from '../../../app/LanguageProvider';
import { formatDateTime } from '../../../format/dates';
import { useSyncDisplay } from '../../sync/useSyncDisplay';
import {
  attachmentAccept,
  attachmentProblem,
  isImage,
  readUpload,
  type AttachmentProblem,
} from '../shared/attachment-files';
import { AttachmentViewDialog } from './AttachmentViewDialog';

function sizeInKb(size: number): number {
  return Math.max(1, Math.round(size / 1024));
}

/** Sync fetches the files of cases still being handled; those of finished ones when opened. */
const finishedStatuses: readonly CaseDetail['status'][] = ['closed', 'merged'];

/** Scans and photos of the case: shown in the page, added one at a time, checked before reading. */
export function AttachmentsCard({
  detail,
  mayAdd,
  onAdded,
}: {
  detail: CaseDetail;
  mayAdd: boolean;
  onAdded: (fileName: string) => void;
}) {
  const { t } = useTranslation('cases');
  const { language } = useLanguage();
  const add = useApiMutation('cases:addAttachment');
  const input = useRef<HTMLInputElement>(null);
  const [refusal, setRefusal] = useState<AttachmentProblem | 'INTERNAL' | null>(null);
  const [openedId, setOpenedId] = useState<string | null>(null);
  // The row as refetched, so the viewer sees the file arrive.
  const opened = detail.attachments.find((attachment) => attachment.id === openedId) ?? null;
  const reachable = useSyncDisplay().settled === 'online';
  const missingText = reachable
    ? t(finishedStatuses.includes(detail.status) ? 'attachments.onServer' : 'attachments.fetching')
    : t('attachments.notHereYet');

  const pick = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    add.reset();
    const refused = attachmentProblem(file);
    setRefusal(refused);
    if (refused) return;
    const upload = await readUpload(file).catch(() => null);
    if (!upload) return setRefusal('INTERNAL');
    add.mutate({ id: detail.id, file: upload }, { onSuccess: () => onAdded(file.name) });
  };

  return (
    <Card variant="outlined" data-testid="attachments">
      <CardContent>
        <Typography variant="h3" component="h2" gutterBottom>
          {t('attachments.title')}
        </Typography>
        {detail.attachments.length === 0 ? (
          <Typography color="text.secondary" variant="body2">
            {t('attachments.none')}
          </Typography>
        ) : (
          <List dense disablePadding>
            {detail.attachments.map((attachment) => (
              <ListItemButton
                key={attachment.id}
                onClick={() => setOpenedId(attachment.id)}
                data-testid="attachment"
                sx={{ borderRadius: 1 }}
              >
                <ListItemIcon sx={{ minWidth: 36 }}>
                  {isImage(attachment.mimeType) ? <ImageIcon /> : <PictureAsPdfIcon />}
                </ListItemIcon>
                <ListItemText
                  primary={<bdi>{attachment.fileName}</bdi>}
                  secondary={
                    attachment.available
                      ? t('attachments.meta', {
                          size: sizeInKb(attachment.size),
                          date: formatDateTime(attachment.addedAt, language),
                        })
                      : missingText
                  }
                  slotProps={{ primary: { sx: { overflowWrap: 'anywhere' } } }}
                />
              </ListItemButton>
            ))}
          </List>
        )}
        {refusal && (
          <Alert severity="error" sx={{ mt: 1 }} onClose={() => setRefusal(null)}>
            {t(`errors:${refusal}`)}
          </Alert>
        )}
        {add.isError && <ErrorAlert error={add.error} />}
        {mayAdd && (
          <>
            <input
              ref={input}
              type="file"
              hidden
              accept={attachmentAccept}
              onChange={(event) => void pick(event)}
              data-testid="attachment-input"
            />
            <Button
              variant="outlined"
              startIcon={<AttachFileIcon />}
              onClick={() => input.current?.click()}
              loading={add.isPending}
              sx={{ mt: 1 }}
              data-testid="add-attachment"
            >
              {t('attachments.add')}
            </Button>
            <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 0.5 }}>
              {t('attachments.limits')}
            </Typography>
          </>
        )}
      </CardContent>
      {opened && (
        <AttachmentViewDialog
          attachment={opened}
          reachable={reachable}
          onClose={() => setOpenedId(null)}
        />
      )}
    </Card>
  );
}
