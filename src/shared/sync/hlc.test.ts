import { describe, expect, it } from 'vitest';
import { ClockDriftError, HybridLogicalClock, parseStamp } from './hlc';

const nodeA = '000000000000000a';
const nodeB = '000000000000000b';

function manualClock(start: number): { now: () => number; set: (ms: number) => void } {
  let current = start;
  return { now: () => current, set: (ms) => (current = ms) };
}

describe('HybridLogicalClock', () => {
  it('issues strictly increasing stamps that sort as strings', () => {
    const wall = manualClock(1_000_000);
    const clock = new HybridLogicalClock({ node: nodeA, wallClock: wall.now });
    const stamps = [clock.now(), clock.now()];
    wall.set(1_000_005);
    stamps.push(clock.now());
    expect([...stamps].sort()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(3);
  });

  it('keeps increasing when the wall clock jumps backwards', () => {
    const wall = manualClock(Date.UTC(2026, 10, 29, 10));
    const clock = new HybridLogicalClock({ node: nodeA, wallClock: wall.now });
    const before = clock.now();
    wall.set(Date.UTC(2026, 10, 28, 10)); // the PC's clock is set back a day
    const after1 = clock.now();
    const after2 = clock.now();
    expect(after1 > before).toBe(true);
    expect(after2 > after1).toBe(true);
    expect(parseStamp(after2)?.millis).toBe(parseStamp(before)?.millis);
  });

  it('never goes back across a restart', () => {
    const wall = manualClock(5_000_000);
    const first = new HybridLogicalClock({ node: nodeA, wallClock: wall.now });
    const last = first.now();
    wall.set(4_000_000);
    const restarted = new HybridLogicalClock({ node: nodeA, wallClock: wall.now, last });
    expect(restarted.now() > last).toBe(true);
  });

  it('orders a local event after a received remote one', () => {
    const clockA = new HybridLogicalClock({ node: nodeA, wallClock: () => 1_000 });
    const clockB = new HybridLogicalClock({ node: nodeB, wallClock: () => 1_000 + 60_000 });
    const remote = clockB.now();
    clockA.receive(remote);
    expect(clockA.now() > remote).toBe(true);
  });

  it('refuses a stamp too far in the future', () => {
    const clock = new HybridLogicalClock({ node: nodeA, wallClock: () => 0, maxDriftMs: 1_000 });
    const future = new HybridLogicalClock({ node: nodeB, wallClock: () => 10_000 }).now();
    expect(() => clock.receive(future)).toThrow(ClockDriftError);
  });

  it('corrects a wrong local clock with the offset learnt from the server', () => {
    const dayMs = 86_400_000;
    const server = 10 * dayMs;
    const clock = new HybridLogicalClock({ node: nodeA, wallClock: () => server - dayMs });
    clock.setOffset(dayMs);
    expect(parseStamp(clock.now())?.millis).toBe(server);
  });

  it('moves 1 ms ahead when the counter is full, and keeps increasing', () => {
    const clock = new HybridLogicalClock({ node: nodeA, wallClock: () => 42 });
    let previous = clock.now();
    for (let i = 0; i < 70_000; i++) {
      const next = clock.now();
      expect(next > previous).toBe(true);
      previous = next;
    }
    expect(parseStamp(previous)?.millis).toBe(43);
  });

  it('keeps working after a run with a clock a year ahead, until real time catches up', () => {
    const yearMs = 365 * 86_400_000;
    const wrong = new HybridLogicalClock({ node: nodeA, wallClock: () => 1_000 + yearMs });
    const last = wrong.now();
    const corrected = new HybridLogicalClock({ node: nodeA, wallClock: () => 1_000, last });
    let previous = last;
    for (let i = 0; i < 200_000; i++) previous = corrected.now();
    expect(previous > last).toBe(true);
  });

  it('rejects malformed stamps and nodes', () => {
    expect(parseStamp('yesterday')).toBeNull();
    expect(() => new HybridLogicalClock({ node: 'xyz' })).toThrow();
    const clock = new HybridLogicalClock({ node: nodeA });
    expect(() => clock.receive('garbage')).toThrow();
  });
});
