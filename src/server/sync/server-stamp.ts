import { formatStamp, HLC_MAX_COUNTER, parseStamp } from '../../shared/sync/hlc';

/** The HLC node of changes the server writes itself (official numbers, first administrator). */
export const serverNode = '5e77e70000000000';
export const serverDeviceId = 'server';

/**
 * A stamp for a change the server writes: the server's time, but always after `after` (the cell's
 * current stamp, or any stamp it must beat) so last-writer-wins keeps the server's value on every
 * client. Computed from the database's state, not from memory, so every instance agrees.
 */
export function serverStamp(nowMs: number, after: readonly (string | null)[] = []): string {
  let millis = nowMs;
  let counter = 0;
  for (const text of after) {
    const stamp = text === null ? null : parseStamp(text);
    if (stamp === null) continue;
    if (stamp.millis > millis) {
      millis = stamp.millis;
      counter = stamp.counter + 1;
    } else if (stamp.millis === millis) {
      counter = Math.max(counter, stamp.counter + 1);
    }
  }
  if (counter > HLC_MAX_COUNTER)
    return formatStamp({ millis: millis + 1, counter: 0, node: serverNode });
  return formatStamp({ millis, counter, node: serverNode });
}
