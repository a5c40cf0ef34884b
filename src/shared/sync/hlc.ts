/**
 * Hybrid logical clock (Kulkarni et al.; the form Actual Budget uses). Each stamp is
 * `<ISO millis>-<counter hex4>-<node hex16>` so stamps compare correctly as plain strings, and
 * per-cell last-writer-wins converges whatever order changes arrive in.
 */

export interface HlcStamp {
  millis: number;
  counter: number;
  node: string;
}

export const HLC_MAX_COUNTER = 0xffff;
/** A remote stamp further than this ahead of our corrected clock is refused (DESIGN.md, Sync). */
export const HLC_DEFAULT_MAX_DRIFT_MS = 5 * 60 * 1000;

export class ClockDriftError extends Error {
  constructor(readonly driftMs: number) {
    super(`clock drift of ${driftMs} ms exceeds the allowed maximum`);
    this.name = 'ClockDriftError';
  }
}

const nodePattern = /^[0-9a-f]{16}$/;

export function formatStamp(stamp: HlcStamp): string {
  return `${new Date(stamp.millis).toISOString()}-${stamp.counter.toString(16).padStart(4, '0')}-${stamp.node}`;
}

export function parseStamp(text: string): HlcStamp | null {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)-([0-9a-f]{4})-([0-9a-f]{16})$/.exec(
    text,
  );
  if (!match) return null;
  const millis = Date.parse(match[1] ?? '');
  if (Number.isNaN(millis)) return null;
  return { millis, counter: parseInt(match[2] ?? '', 16), node: match[3] ?? '' };
}

export interface HlcOptions {
  /** 16 hex characters naming this device. */
  node: string;
  /** The wall clock; injectable so tests can make it jump. */
  wallClock?: () => number;
  maxDriftMs?: number;
  /** Last stamp issued before a restart, so the clock never goes back across runs. */
  last?: string | null;
}

export class HybridLogicalClock {
  private last: HlcStamp;
  private offsetMs = 0;
  private readonly wallClock: () => number;
  private readonly maxDriftMs: number;

  constructor(options: HlcOptions) {
    if (!nodePattern.test(options.node)) throw new Error('HLC node must be 16 hex characters');
    this.wallClock = options.wallClock ?? (() => Date.now());
    this.maxDriftMs = options.maxDriftMs ?? HLC_DEFAULT_MAX_DRIFT_MS;
    const restored = options.last ? parseStamp(options.last) : null;
    this.last = {
      millis: restored?.millis ?? 0,
      counter: restored?.counter ?? 0,
      node: options.node,
    };
  }

  /** Offset learnt from the server (server time minus local time), applied to every stamp. */
  setOffset(offsetMs: number): void {
    this.offsetMs = offsetMs;
  }

  /** Corrected physical time: the local wall clock plus the offset learnt from the server. */
  physicalNow(): number {
    return this.wallClock() + this.offsetMs;
  }

  /** A new stamp for a local event; strictly greater than every stamp seen or issued before. */
  now(): string {
    const physical = this.physicalNow();
    const millis = Math.max(this.last.millis, physical);
    const counter = millis === this.last.millis ? this.last.counter + 1 : 0;
    this.last = this.carry({ millis, counter, node: this.last.node });
    return formatStamp(this.last);
  }

  /** Merges a stamp received from elsewhere, refusing one too far in our future. */
  receive(remoteText: string): void {
    const remote = parseStamp(remoteText);
    if (!remote) throw new Error(`malformed HLC stamp: ${remoteText}`);
    const physical = this.physicalNow();
    if (remote.millis - physical > this.maxDriftMs)
      throw new ClockDriftError(remote.millis - physical);
    const millis = Math.max(this.last.millis, remote.millis, physical);
    let counter: number;
    if (millis === this.last.millis && millis === remote.millis) {
      counter = Math.max(this.last.counter, remote.counter) + 1;
    } else if (millis === this.last.millis) {
      counter = this.last.counter + 1;
    } else if (millis === remote.millis) {
      counter = remote.counter + 1;
    } else {
      counter = 0;
    }
    this.last = this.carry({ millis, counter, node: this.last.node });
  }

  /**
   * A full counter moves the stamp 1 ms ahead instead of failing: after a PC ran with a clock far
   * in the future, writes keep working (each stamp still greater than the last) until real time
   * catches up, rather than every write failing once 65,536 stamps share one millisecond.
   */
  private carry(stamp: HlcStamp): HlcStamp {
    return stamp.counter > HLC_MAX_COUNTER
      ? { millis: stamp.millis + 1, counter: 0, node: stamp.node }
      : stamp;
  }

  lastIssued(): string {
    return formatStamp(this.last);
  }
}
