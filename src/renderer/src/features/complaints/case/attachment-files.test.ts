import { describe, expect, it } from 'vitest';
import { blobOf, uploadRefusal } from './attachment-files';

describe('attachment files', () => {
  it('refuse a 50 MB scan and an unsupported type before reading them', () => {
    expect(uploadRefusal({ size: 50 * 1024 * 1024, type: 'application/pdf' })).toBe(
      'FILE_TOO_LARGE',
    );
    expect(uploadRefusal({ size: 1000, type: 'video/mp4' })).toBe('FILE_TYPE_NOT_ALLOWED');
    expect(uploadRefusal({ size: 0, type: 'image/png' })).toBe('FILE_TOO_LARGE');
    expect(uploadRefusal({ size: 10 * 1024 * 1024, type: 'image/jpeg' })).toBeNull();
  });

  it('turn core base64 back into the same bytes', async () => {
    const blob = blobOf(Buffer.from('%PDF-1.7 سلام').toString('base64'), 'application/pdf');
    expect(blob.type).toBe('application/pdf');
    expect(Buffer.from(await blob.arrayBuffer()).toString()).toBe('%PDF-1.7 سلام');
  });
});
