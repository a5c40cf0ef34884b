/**
 * Morocco's civil time, from a table of its own rather than the runtime's time zone data. The
 * kingdom changes its clocks by decree at short notice: permanent UTC+1 from 28 October 2018, an
 * hour back for each Ramadan, then permanent UTC from 20 September 2026 (IANA tzdata 2026c).
 * Runtimes ship tz data months behind: in November 2026 Node 20 still put Morocco at UTC+1 while
 * Chromium 156 had it at UTC, so the main process and the window disagreed on the commune's date
 * for an hour every night, and a reply delivered "today" was refused as dated before its approval.
 * The next decree is one line here. Before the table starts, the runtime's data (right for the
 * past) is used.
 */

const hour = 3_600_000;
const utc = (isoMinute: string) => Date.parse(`${isoMinute}:00Z`);

/** From each instant (UTC) on, Morocco's offset from UTC, in hours, until the next one. */
const offsets: readonly (readonly [from: number, hours: 0 | 1])[] = [
  [utc('2018-10-28T02:00'), 1],
  // Ramadan: an hour back, from the Sunday before to the Sunday after (tzdata's dates).
  [utc('2019-05-05T02:00'), 0],
  [utc('2019-06-09T02:00'), 1],
  [utc('2020-04-19T02:00'), 0],
  [utc('2020-05-31T02:00'), 1],
  [utc('2021-04-11T02:00'), 0],
  [utc('2021-05-16T02:00'), 1],
  [utc('2022-03-27T02:00'), 0],
  [utc('2022-05-08T02:00'), 1],
  [utc('2023-03-19T02:00'), 0],
  [utc('2023-04-23T02:00'), 1],
  [utc('2024-03-10T02:00'), 0],
  [utc('2024-04-14T02:00'), 1],
  [utc('2025-02-23T02:00'), 0],
  [utc('2025-04-06T02:00'), 1],
  [utc('2026-02-15T02:00'), 0],
  [utc('2026-03-22T02:00'), 1],
  // Back to UTC for good at 02:00 local time on 20 September 2026.
  [utc('2026-09-20T01:00'), 0],
];

const runtimeMoroccanDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Africa/Casablanca',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Morocco's offset from UTC at an instant, in hours; null before the table starts. */
export function moroccanOffsetHours(instant: Date): 0 | 1 | null {
  const at = instant.getTime();
  let hours: 0 | 1 | null = null;
  for (const [from, offset] of offsets) {
    if (at < from) break;
    hours = offset;
  }
  return hours;
}

/** Morocco's calendar date (YYYY-MM-DD) at an instant, whatever the PC's time zone. */
export function moroccanDate(instant: Date): string {
  const hours = moroccanOffsetHours(instant);
  if (hours === null) return runtimeMoroccanDate.format(instant);
  return new Date(instant.getTime() + hours * hour).toISOString().slice(0, 10);
}
