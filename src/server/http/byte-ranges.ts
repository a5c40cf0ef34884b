/**
 * One `Range: bytes=…` of a request (RFC 9110 §14): a download resumed where it stopped. Several
 * ranges, another unit or a malformed header are ignored and the whole file is sent, as the RFC
 * allows; a range entirely past the end is unsatisfiable (416).
 */
export type ByteRange =
  { kind: 'whole' } | { kind: 'part'; start: number; end: number } | { kind: 'unsatisfiable' };

const single = /^bytes=(\d{0,15})-(\d{0,15})$/;

export function parseByteRange(header: string | string[] | undefined, size: number): ByteRange {
  if (typeof header !== 'string') return { kind: 'whole' };
  const match = single.exec(header.trim());
  if (!match) return { kind: 'whole' };
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return { kind: 'whole' };
  if (first === '') {
    // The last N bytes.
    const length = Number(last);
    if (length === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'part', start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(first);
  if (last !== '' && Number(last) < start) return { kind: 'whole' };
  if (start >= size) return { kind: 'unsatisfiable' };
  const end = last === '' ? size - 1 : Number(last);
  return { kind: 'part', start, end: Math.min(end, size - 1) };
}

export function contentRange(range: { start: number; end: number }, size: number): string {
  return `bytes ${range.start}-${range.end}/${size}`;
}
