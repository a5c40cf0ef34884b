import type { AttachmentUpload } from '../../../../../shared/api/procedures/complaints.procedures';
import {
  attachmentMimeTypes,
  maxAttachmentBytes,
  type AttachmentMimeType,
} from '../../../../../shared/complaints/complaint-values';

/** Why a picked file is refused before it is read (the same codes core answers with). */
export type AttachmentProblem = 'FILE_TOO_LARGE' | 'FILE_TYPE_NOT_ALLOWED';

const typeOfExtension: Record<string, AttachmentMimeType> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
};

/** What a file input offers: the types, and the extensions of files the system leaves untyped. */
export const attachmentAccept = [
  ...attachmentMimeTypes,
  ...Object.keys(typeOfExtension).map((extension) => `.${extension}`),
].join(',');

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
function readAsBase64(file: Blob): Promise<string> {
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

/**
 * A file that passed attachmentProblem, as the contract carries it (core checks the signature
 * again). Rejects when the file cannot be read.
 */
export async function readUpload(file: File): Promise<AttachmentUpload> {
  const mimeType = attachmentTypeOf(file);
  if (mimeType === null) throw new Error('not an attachment type');
  return {
    fileName: file.name.slice(0, 200),
    mimeType,
    dataBase64: await readAsBase64(file),
  };
}

/** A stored file back from core, as a Blob the page can show or offer for download. */
export function blobOf(dataBase64: string, mimeType: string): Blob {
  const binary = atob(dataBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: mimeType });
}

export function isImage(mimeType: string): boolean {
  return mimeType === 'image/jpeg' || mimeType === 'image/png';
}
