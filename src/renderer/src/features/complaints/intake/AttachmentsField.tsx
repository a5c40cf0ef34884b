import AttachFileIcon from '@mui/icons-material/AttachFile';
import DeleteIcon from '@mui/icons-material/Delete';
import ImageIcon from '@mui/icons-material/Image';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { maxAttachmentsAtIntake } from '../../../../../shared/complaints/complaint-values';
import { ApiCallError, errorCodeOf } from '../../../api/api-error';
import {
  attachmentAccept,
  attachmentProblem,
  isImage,
  readUpload,
} from '../shared/attachment-files';
import type { PendingAttachment } from './intake-draft';

/** A refused file and why, in words the clerk can act on. */
interface Refusal {
  fileName: string;
  reason: 'FILE_TOO_LARGE' | 'FILE_TYPE_NOT_ALLOWED' | 'tooMany' | 'unreadable';
}

function useSizeLabel() {
  const { t } = useTranslation('complaints');
  return (bytes: number) =>
    bytes >= 1024 * 1024
      ? t('intake.attachments.sizeMb', { size: (bytes / 1024 / 1024).toFixed(1) })
      : t('intake.attachments.sizeKb', { size: Math.max(1, Math.round(bytes / 1024)) });
}

/**
 * Scans and photos brought by the citizen. Each file's size and type are checked before it is
 * read, so a 50 MB video is refused at once; accepted files are read and kept until sent.
 */
export function AttachmentsField({
  value,
  onChange,
  error,
}: {
  value: readonly PendingAttachment[];
  onChange: (next: PendingAttachment[]) => void;
  /** The failed check or call; a refused attachment is named by its code. */
  error: unknown;
}) {
  const { t } = useTranslation('complaints');
  const sizeLabel = useSizeLabel();
  const input = useRef<HTMLInputElement>(null);
  const [refusals, setRefusals] = useState<Refusal[]>([]);
  const [reading, setReading] = useState(false);
  const callRefusal = errorCodeOf(error);
  const invalidInCall =
    error instanceof ApiCallError &&
    Object.keys(error.fields).some((field) => field.startsWith('attachments'));

  const add = async (files: readonly File[]) => {
    const refused: Refusal[] = [];
    const accepted: File[] = [];
    for (const file of files) {
      const problem = attachmentProblem(file);
      if (problem) refused.push({ fileName: file.name, reason: problem });
      else if (value.length + accepted.length >= maxAttachmentsAtIntake)
        refused.push({ fileName: file.name, reason: 'tooMany' });
      else accepted.push(file);
    }
    setReading(true);
    const read: PendingAttachment[] = [];
    for (const file of accepted) {
      try {
        read.push({ key: crypto.randomUUID(), size: file.size, ...(await readUpload(file)) });
      } catch {
        refused.push({ fileName: file.name, reason: 'unreadable' });
      }
    }
    setReading(false);
    setRefusals(refused);
    if (read.length > 0) onChange([...value, ...read]);
  };

  return (
    <>
      <Typography color="text.secondary" sx={{ mb: 1 }}>
        {t('intake.attachments.hint', { count: maxAttachmentsAtIntake })}
      </Typography>
      <input
        ref={input}
        type="file"
        multiple
        accept={attachmentAccept}
        hidden
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          // Cleared, so choosing the same file again after removing it fires again.
          event.target.value = '';
          void add(files);
        }}
        data-testid="intake-attachments-input"
      />
      <Button
        variant="outlined"
        startIcon={<AttachFileIcon />}
        onClick={() => input.current?.click()}
        loading={reading}
        disabled={value.length >= maxAttachmentsAtIntake}
        data-testid="intake-attachments-add"
      >
        {t('intake.attachments.add')}
      </Button>
      {refusals.length > 0 && (
        <Alert
          severity="error"
          sx={{ mt: 2 }}
          onClose={() => setRefusals([])}
          data-testid="intake-attachments-refused"
        >
          {refusals.map((refusal, index) => (
            <Box key={`${refusal.fileName}-${index}`} sx={{ mb: 0.5 }}>
              <Box component="bdi" sx={{ fontWeight: 600, display: 'block' }}>
                {refusal.fileName}
              </Box>
              {refusal.reason === 'FILE_TOO_LARGE' || refusal.reason === 'FILE_TYPE_NOT_ALLOWED'
                ? t(`errors:${refusal.reason}`)
                : t(`intake.attachments.${refusal.reason}`, { count: maxAttachmentsAtIntake })}
            </Box>
          ))}
        </Alert>
      )}
      {(callRefusal === 'FILE_TOO_LARGE' || callRefusal === 'FILE_TYPE_NOT_ALLOWED') && (
        <Alert severity="error" sx={{ mt: 2 }}>
          {t(`errors:${callRefusal}`)}
        </Alert>
      )}
      {invalidInCall && (
        <Alert severity="error" sx={{ mt: 2 }}>
          {t('intake.attachments.invalid')}
        </Alert>
      )}
      {value.length > 0 && (
        <List dense data-testid="intake-attachments">
          {value.map((file) => (
            <ListItem
              key={file.key}
              secondaryAction={
                <IconButton
                  edge="end"
                  aria-label={t('intake.attachments.remove', { name: file.fileName })}
                  title={t('intake.attachments.remove', { name: file.fileName })}
                  onClick={() => onChange(value.filter((other) => other.key !== file.key))}
                  data-testid="intake-attachment-remove"
                >
                  <DeleteIcon />
                </IconButton>
              }
            >
              <ListItemIcon>
                {isImage(file.mimeType) ? <ImageIcon /> : <PictureAsPdfIcon />}
              </ListItemIcon>
              <ListItemText primary={<bdi>{file.fileName}</bdi>} secondary={sizeLabel(file.size)} />
            </ListItem>
          ))}
        </List>
      )}
    </>
  );
}
