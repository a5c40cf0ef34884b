import type { AttachmentUpload } from '../../../../../shared/api/procedures/complaints.procedures';
import {
  attachmentMimeTypes,
  maxAttachmentBytes,
  type AttachmentMimeType,
} from '../../../../../shared/complaints/complaint-values';

/** Why a picked file is refused before it is read (the same codes core answers with). */
export type UploadRefusal = 'FILE_TOO_LARGE' | 'FILE_TYPE_NOT_ALLOWED';

/** Checks the size and the declared type first, so a 50 MB video is never read into memory. */
export function uploadRefusal(file: Pick<File, 'size' | 'type'>): UploadRefusal | null {
  if (!(attachmentMimeTypes as readonly string[]).includes(file.type))
    return 'FILE_TYPE_NOT_ALLOWED';
  if (file.size === 0 || file.size > maxAttachmentBytes) return 'FILE_TOO_LARGE';
  return null;
}

/** The file as the contract carries it: base64 of its bytes (core checks the signature again). */
export function readUpload(file: File): Promise<AttachmentUpload> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.onload = () => {
      // readAsDataURL always yields a string.
      const url = reader.result as string;
      resolve({
        fileName: file.name.slice(0, 200),
        mimeType: file.type as AttachmentMimeType,
        dataBase64: url.slice(url.indexOf(',') + 1),
      });
    };
    reader.readAsDataURL(file);
  });
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
