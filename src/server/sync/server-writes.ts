import { uuidv7 } from '../../shared/ids/uuidv7';
import { toStoredValue } from '../../shared/sync/stored-values';
import type { TableDeclaration } from '../../shared/tables/define-table';
import { appSchemaVersion } from '../../shared/tables/schema-version';
import type { ServerDb } from '../db/server-db';
import { appendToLog, writeCells, type LogEntry } from './change-log';
import { serverDeviceId, serverStamp } from './server-stamp';

/**
 * Cells the server writes itself (the first administrator), as changes in the log like any other,
 * so every app receives them; each value is checked against its column first.
 */
export async function writeAsServer(
  tx: ServerDb,
  table: TableDeclaration,
  rowId: string,
  values: Readonly<Record<string, unknown>>,
  nowMs: number,
): Promise<void> {
  const current = await tx.query<{ hlc: string }>(
    'SELECT hlc FROM cells WHERE tbl = $1 AND row_id = $2',
    [table.name, rowId],
  );
  const hlc = serverStamp(
    nowMs,
    current.map((cell) => cell.hlc),
  );
  const entries: LogEntry[] = Object.entries(values).map(([col, value]) => {
    const column = table.columns[col];
    if (!column) throw new Error(`unknown column ${table.name}.${col}`);
    const parsed = column.schema.parse(value);
    return {
      id: uuidv7(nowMs),
      tbl: table.name,
      rowId,
      col,
      value: toStoredValue(column, parsed),
      hlc,
      userId: null,
      deviceId: serverDeviceId,
      schemaVersion: appSchemaVersion,
    };
  });
  const seqs = await appendToLog(tx, entries, new Date(nowMs));
  await writeCells(
    tx,
    entries.map((entry, index) => ({ ...entry, seq: seqs[index] ?? 0 })),
  );
}
