import { expect, it } from 'vitest';
import { formatStamp, HLC_MAX_COUNTER } from '../../shared/sync/hlc';
import { serverStamp } from './server-stamp';

const at = (millis: number, counter = 0, node = 'ffffffffffffffff') =>
  formatStamp({ millis, counter, node });

it("stamps with the server's time, always after the stamps it must beat", () => {
  const now = Date.parse('2026-03-10T09:00:00.000Z');
  expect(serverStamp(now)).toBe(at(now, 0, '5e77e70000000000'));
  const ahead = [at(now + 60_000, 7), at(now - 5, 3), null];
  const stamp = serverStamp(now, ahead);
  for (const other of ahead) if (other) expect(stamp > other).toBe(true);
  expect(serverStamp(now, [at(now, 2)]) > at(now, 2)).toBe(true);
  const full = at(now, HLC_MAX_COUNTER);
  expect(serverStamp(now, [full]) > full).toBe(true);
});
