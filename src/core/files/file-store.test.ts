import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkUpload, readStoredFile, storeFile } from './file-store';

const pdf = Buffer.from('%PDF-1.7\n% scan of a letter\n');
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

describe('the file store', () => {
  it('stores a file once by its SHA-256 and reads it back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'maktab-files-'));
    const first = storeFile(dir, pdf);
    expect(storeFile(dir, pdf)).toBe(first);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(readStoredFile(dir, first)?.equals(pdf)).toBe(true);
    expect(readdirSync(join(dir, 'files', first.slice(0, 2)))).toEqual([first]);
    expect(readStoredFile(dir, 'f'.repeat(64))).toBeNull();
  });

  it('accepts a file whose content matches its type', () => {
    const upload = { fileName: 'صورة.png', mimeType: 'image/png' as const };
    expect(checkUpload({ ...upload, dataBase64: png.toString('base64') })).toMatchObject({
      mimeType: 'image/png',
      size: png.length,
    });
  });

  it('refuses a program renamed as a PDF, an empty file and one over 10 MB', () => {
    const exe = Buffer.from('MZ\x90\x00 this program cannot be run in DOS mode');
    expect(() =>
      checkUpload({
        fileName: 'scan.pdf',
        mimeType: 'application/pdf',
        dataBase64: exe.toString('base64'),
      }),
    ).toThrow(expect.objectContaining({ code: 'FILE_TYPE_NOT_ALLOWED' }));
    expect(() =>
      checkUpload({ fileName: 'scan.pdf', mimeType: 'application/pdf', dataBase64: '' }),
    ).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    const big = Buffer.concat([pdf, Buffer.alloc(10 * 1024 * 1024)]);
    expect(() =>
      checkUpload({
        fileName: 'big.pdf',
        mimeType: 'application/pdf',
        dataBase64: big.toString('base64'),
      }),
    ).toThrow(expect.objectContaining({ code: 'FILE_TOO_LARGE' }));
  });
});
