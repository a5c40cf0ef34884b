import { describe, expect, it } from 'vitest';
import { maxAttachmentBytes } from '../../../../../shared/complaints/complaint-values';
import {
  attachmentAccept,
  attachmentProblem,
  attachmentTypeOf,
  blobOf,
  isImage,
} from './attachment-files';

describe('attachmentProblem', () => {
  it('accepts scans and photos up to the limit', () => {
    expect(attachmentProblem({ name: 'scan.pdf', type: 'application/pdf', size: 1000 })).toBe(null);
    expect(
      attachmentProblem({ name: 'photo.jpg', type: 'image/jpeg', size: maxAttachmentBytes }),
    ).toBe(null);
  });

  it('refuses a 50 MB file before reading it', () => {
    expect(
      attachmentProblem({ name: 'video.png', type: 'image/png', size: 50 * 1024 * 1024 }),
    ).toBe('FILE_TOO_LARGE');
    expect(
      attachmentProblem({
        name: 'scan.pdf',
        type: 'application/pdf',
        size: maxAttachmentBytes + 1,
      }),
    ).toBe('FILE_TOO_LARGE');
  });

  it('refuses other types, whatever the file is called', () => {
    expect(attachmentProblem({ name: 'clip.mp4', type: 'video/mp4', size: 10 })).toBe(
      'FILE_TYPE_NOT_ALLOWED',
    );
    expect(
      attachmentProblem({ name: 'fake.pdf', type: 'application/x-msdownload', size: 10 }),
    ).toBe('FILE_TYPE_NOT_ALLOWED');
    expect(attachmentProblem({ name: 'notes.docx', type: '', size: 10 })).toBe(
      'FILE_TYPE_NOT_ALLOWED',
    );
  });
});

describe('attachmentTypeOf', () => {
  it('falls back on the extension only when the system gives no type', () => {
    expect(attachmentTypeOf({ name: 'SCAN.JPEG', type: '' })).toBe('image/jpeg');
    expect(attachmentTypeOf({ name: 'letter.pdf', type: '' })).toBe('application/pdf');
    expect(attachmentTypeOf({ name: 'photo.png', type: 'image/png' })).toBe('image/png');
  });

  it('lets the file picker offer the same types and extensions', () => {
    expect(attachmentAccept.split(',').sort()).toEqual(
      ['application/pdf', 'image/jpeg', 'image/png', '.pdf', '.jpg', '.jpeg', '.png'].sort(),
    );
  });
});

describe('stored files', () => {
  it('turn core base64 back into the same bytes', async () => {
    const blob = blobOf(Buffer.from('%PDF-1.7 سلام').toString('base64'), 'application/pdf');
    expect(blob.type).toBe('application/pdf');
    expect(Buffer.from(await blob.arrayBuffer()).toString()).toBe('%PDF-1.7 سلام');
  });

  it('show photos in the page and offer PDFs for download', () => {
    expect(isImage('image/png')).toBe(true);
    expect(isImage('image/jpeg')).toBe(true);
    expect(isImage('application/pdf')).toBe(false);
  });
});
