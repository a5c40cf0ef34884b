import { ms } from './report';

/** Latency samples of one measure, with the percentiles the targets are stated in. */
export interface Latency {
  samples: number;
  p50: number;
  p95: number;
  max: number;
}

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? NaN;
}

export function latencyOf(samples: readonly number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    samples: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted[sorted.length - 1] ?? NaN,
  };
}

/** Milliseconds with two decimals below 10 ms, where sub-millisecond baselines live. */
export function fineMs(value: number): string {
  return value < 10 ? `${value.toFixed(2)} ms` : ms(value);
}

/** Collects samples per named measure, so measures can be interleaved round by round. */
export class SampleSet {
  private readonly samples = new Map<string, number[]>();

  /** Times `work` once, filed under `name` and under each pooled name in `also`. */
  time<T>(name: string, work: () => T, also: readonly string[] = []): T {
    const start = performance.now();
    const value = work();
    const elapsed = performance.now() - start;
    for (const key of [name, ...also]) {
      let list = this.samples.get(key);
      if (!list) {
        list = [];
        this.samples.set(key, list);
      }
      list.push(elapsed);
    }
    return value;
  }

  latency(name: string): Latency {
    return latencyOf(this.samples.get(name) ?? []);
  }
}

/** The process's peak resident set so far (getrusage's ru_maxrss), in bytes. */
export function peakRssBytes(): number {
  return process.resourceUsage().maxRSS * 1024;
}
