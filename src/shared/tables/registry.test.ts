import { describe, expect, it } from 'vitest';
import { maxCellValueLength } from '../sync/protocol';
import { syncedTables } from './registry';
import { column, defineTable, readableColumns, type ColumnDeclaration } from './define-table';
import { z } from 'zod';

describe('synced table declarations', () => {
  it('name each table by its key', () => {
    for (const [key, table] of Object.entries(syncedTables)) expect(table.name).toBe(key);
  });

  it('keep every text within what one synced value may carry, so a valid edit always syncs', () => {
    const tooLong = 'نص '.repeat(Math.ceil(maxCellValueLength / 3) + 1);
    for (const table of Object.values(syncedTables))
      for (const [name, col] of Object.entries<ColumnDeclaration>(table.columns))
        if (col.storage === 'text')
          expect(col.schema.safeParse(tooLong).success, `${table.name}.${name}`).toBe(false);
  });

  it('give every column at least one writer', () => {
    for (const table of Object.values(syncedTables)) {
      for (const [name, col] of Object.entries<ColumnDeclaration>(table.columns)) {
        expect(col.write.length, `${table.name}.${name}`).toBeGreaterThan(0);
      }
    }
  });

  it('refuse append-only tables with delete roles and reserved column names', () => {
    expect(() =>
      defineTable({ name: 't', appendOnly: true, deleteRoles: ['admin'], columns: {} }),
    ).toThrow();
    expect(() =>
      defineTable({
        name: 't',
        appendOnly: false,
        deleteRoles: [],
        columns: { deleted: column('boolean', z.boolean(), { write: ['admin'] }) },
      }),
    ).toThrow();
  });
});

describe('readableColumns', () => {
  const citizens = defineTable({
    name: 'citizens_example',
    appendOnly: false,
    deleteRoles: [],
    columns: {
      full_name: column('text', z.string(), { write: ['clerk'] }),
      cin: column('text', z.string(), {
        write: ['clerk'],
        sensitive: { readRoles: ['info_officer'] },
      }),
    },
  });

  it('hides sensitive columns from roles that may not read them', () => {
    expect(readableColumns(citizens, ['clerk'])).toEqual(['full_name']);
    expect(readableColumns(citizens, ['clerk', 'info_officer'])).toEqual(['full_name', 'cin']);
    expect(citizens.columns.cin.sensitive).toBe(true);
  });
});
