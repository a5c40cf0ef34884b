import { uuidv7 } from '../../shared/ids/uuidv7';
import { formatStamp } from '../../shared/sync/hlc';
import type { SyncChange } from '../../shared/sync/protocol';
import type { complaintsTable } from '../../shared/tables/complaints.tables';
import type { RowValues } from '../../shared/tables/define-table';
import { appSchemaVersion } from '../../shared/tables/schema-version';
import { readMeta } from '../settings/local-settings';
import type { TestCore } from '../testing/test-core';

/** Test support for sync: changes as another PC would send them, and what the local log holds. */

export const lightingCategory = '01970000-ca7e-7000-8000-000000000001';

type StoredValue = string | number | null;

/** Another PC: its changes carry its own device id and HLC node, stamped at chosen times. */
export class RemoteDevice {
  readonly deviceId = uuidv7();
  private counter = 0;

  constructor(
    readonly node: string,
    readonly userId: string | null = null,
  ) {}

  /** A stamp `offsetMs` after `baseMs`; the counter keeps stamps of one millisecond apart. */
  stamp(baseMs: number, offsetMs = 0): string {
    this.counter = (this.counter + 1) % 0xffff;
    return formatStamp({ millis: baseMs + offsetMs, counter: this.counter, node: this.node });
  }

  change(
    table: string,
    rowId: string,
    column: string,
    value: StoredValue,
    hlc: string,
    extra: Partial<SyncChange> = {},
  ): SyncChange {
    return {
      id: uuidv7(),
      table,
      rowId,
      column,
      value,
      hlc,
      userId: this.userId,
      deviceId: this.deviceId,
      schemaVersion: appSchemaVersion,
      ...extra,
    };
  }

  /** Every cell of a new complaint, as the mutation path of that PC would have logged them. */
  complaintCells(
    rowId: string,
    hlcAt: (column: string) => string,
    overrides: Partial<Record<keyof RowValues<typeof complaintsTable>, StoredValue>> = {},
  ): SyncChange[] {
    const values: Record<string, StoredValue> = { ...complaintStored(rowId), ...overrides };
    return Object.entries(values).map(([column, value]) =>
      this.change('complaints', rowId, column, value, hlcAt(column)),
    );
  }
}

/** A complaint's stored values (booleans as 0/1), for a PC numbered PC09. */
export function complaintStored(rowId: string): Record<string, StoredValue> {
  return {
    local_number: `PC09-2026-${rowId
      .slice(-4)
      .replace(/[^0-9]/g, '0')
      .padStart(4, '0')}`,
    official_number: null,
    kind: 'complaint',
    channel: 'in_person',
    urgent: 0,
    received_on: '2026-11-28',
    citizen_name: 'فاطمة الزهراء العلمي',
    citizen_phone: '0661234567',
    citizen_email: null,
    citizen_address: null,
    citizen_cin: null,
    subject: 'انقطاع الإنارة في زنقة الأندلس',
    description: 'الأعمدة الكهربائية في زنقة الأندلس مطفأة منذ أسبوعين والزقاق مظلم ليلا.',
    district: 'حي الأندلس',
    location: null,
    category_id: lightingCategory,
    department_id: null,
    assignee_id: null,
    status: 'received',
    ack_due_on: '2026-12-13',
    answer_due_on: '2027-01-27',
    acknowledged_on: null,
    called_on: null,
    answered_on: null,
    closed_on: null,
    resolution: null,
    merged_into: null,
    created_by: '01970000-0000-7000-8000-0000000000aa',
    created_at: '2026-11-28T10:00:00.000Z',
  };
}

export function localDeviceId(t: TestCore): string {
  return readMeta(t.core.database(), 'device_id')!;
}

export interface LoggedChange {
  id: string;
  col: string;
  value: string | null;
  hlc: string;
  state: 'pending' | 'accepted' | 'rejected';
  device_id: string;
}

export function loggedChanges(t: TestCore, rowId: string, column?: string): LoggedChange[] {
  return t.core
    .database()
    .prepare(
      `SELECT id, col, value, hlc, state, device_id FROM changes
       WHERE row_id = ? AND (? IS NULL OR col = ?) ORDER BY seq`,
    )
    .all(rowId, column ?? null, column ?? null) as LoggedChange[];
}

export function cell(t: TestCore, table: string, rowId: string, column: string): unknown {
  const row = t.core
    .database()
    .prepare(`SELECT ${column} AS v FROM ${table} WHERE id = ?`)
    .get(rowId) as { v: unknown } | undefined;
  return row?.v;
}

/** As if a push had been answered 'accepted' for everything pending (and handed back since). */
export function acceptEverything(t: TestCore): void {
  t.core.database().prepare("UPDATE changes SET state = 'accepted' WHERE state = 'pending'").run();
}
