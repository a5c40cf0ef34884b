import { describe, expect, it } from 'vitest';
import { backupKind, backupSize } from './backups';

describe('backupKind', () => {
  it('reads the label core puts at the end of the file name', () => {
    expect(backupKind('maktab-2026-03-01T02-00-00123Z-daily.sqlite')).toBe('daily');
    expect(backupKind('maktab-2026-03-01T02-00-00123Z-pre-restore.sqlite')).toBe('pre-restore');
    expect(backupKind('maktab-2026-03-01T02-00-00123Z-pre-migration.sqlite')).toBe('pre-migration');
    expect(backupKind('maktab-2026-03-01T02-00-00123Z-manual.sqlite')).toBe('manual');
    expect(backupKind('maktab-2026-03-01T02-00-00123Z.sqlite')).toBe('other');
  });
});

describe('backupSize', () => {
  it('counts kilobytes under one megabyte, never showing zero', () => {
    expect(backupSize(200, 'fr')).toEqual({ unit: 'kb', value: '1' });
    expect(backupSize(150 * 1024, 'ar')).toEqual({ unit: 'kb', value: '150' });
  });

  it('counts megabytes with one decimal, in Western digits in Arabic too', () => {
    const ar = backupSize(2.5 * 1024 * 1024, 'ar');
    expect(ar.unit).toBe('mb');
    expect(ar.value).toMatch(/^2[.,٫]5$/);
    expect(ar.value).not.toMatch(/[٠-٩]/);
    expect(backupSize(2.5 * 1024 * 1024, 'fr')).toEqual({ unit: 'mb', value: '2,5' });
  });
});
