import type { SyncChange } from '../../src/shared/sync/protocol';
import { complaintsTable } from '../../src/shared/tables/complaints.tables';
import { complaintValues } from '../../src/server/testing/complaint-rows';
import { pushInBatches, type HttpDevice } from './sync-http-device';

/** Registers `count` complaints from this device (pushed whole, 29 cells each); returns their ids. */
export async function registerComplaints(device: HttpDevice, count: number): Promise<string[]> {
  const changes: SyncChange[] = [];
  const ids: string[] = [];
  for (let n = 0; n < count; n += 1) {
    const row = device.insert(
      complaintsTable,
      complaintValues(device.userId, {
        local_number: `B${device.deviceId.slice(-6).toUpperCase()}-2026-${String(n + 1).padStart(5, '0')}`,
      }),
    );
    ids.push(row[0]!.rowId);
    changes.push(...row);
  }
  const { refused } = await pushInBatches(device, changes, 493);
  if (refused.length > 0) throw new Error(`registering refused: ${JSON.stringify(refused[0])}`);
  return ids;
}

let edit = 0;
/** One edit of a complaint's location, a column any case worker may write in any state. */
export function locationEdit(device: HttpDevice, complaintId: string): SyncChange {
  edit += 1;
  return device.change(complaintsTable, complaintId, 'location', `قرب المسجد، رقم ${edit}`);
}
