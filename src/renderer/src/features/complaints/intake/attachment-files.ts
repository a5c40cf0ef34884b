import {
  attachmentMimeTypes,
  maxAttachmentBytes,
  type AttachmentMimeType,
} from '../../../../../shared/complaints/complaint-values';

/** A file the clerk chose, read and ready to send with the intake. */
export interface PendingAttachment {
  key: string;
  fileName: string;
  mimeType: AttachmentMimeType;
  size: number;
  dataBase64: string;
}

export type AttachmentProblem = 'FILE_TOO_LARGE' | 'FILE_TYPE_NOT_ALLOWED';

const typeOfExtension: Record<string, AttachmentMimeType> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
};

/**
 * The file's type as the browser reports it; by its extension only when the system reports none
 * (some scanners' files arrive untyped). Core checks the file's signature whatever is claimed.
 */
export function attachmentTypeOf(file: { name: string; type: string }): AttachmentMimeType | null {
  if (file.type !== '')
    return (attachmentMimeTypes as readonly string[]).includes(file.type)
      ? (file.type as AttachmentMimeType)
      : null;
  const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
  return typeOfExtension[extension] ?? null;
}

/** Checked before a byte is read: a 50 MB video is refused at once, not after loading it. */
export function attachmentProblem(file: {
  name: string;
  type: string;
  size: number;
}): AttachmentProblem | null {
  if (attachmentTypeOf(file) === null) return 'FILE_TYPE_NOT_ALLOWED';
  if (file.size > maxAttachmentBytes) return 'FILE_TOO_LARGE';
  return null;
}

/** The file's bytes in base64, as the contract carries them. */
export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      // readAsDataURL gives "data:<type>;base64,<bytes>".
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('unreadable file'));
    reader.readAsDataURL(file);
  });
}
