/**
 * Seeded randomness, so two runs of a benchmark generate the same data and differ only in timing.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }

  /** mulberry32: small, fast, good enough for test data. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** A shuffled copy (Fisher-Yates). */
  shuffled<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  }

  /** Exponentially distributed gap with the given mean (arrivals of independent events). */
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }
}

/** Picks among weighted choices: `{ 'session.sign-in': 38, ... }`. */
export class WeightedChoice<K extends string> {
  private readonly keys: K[];
  private readonly cumulative: number[];
  private readonly total: number;

  constructor(weights: Readonly<Record<K, number>>) {
    this.keys = Object.keys(weights) as K[];
    let sum = 0;
    this.cumulative = this.keys.map((key) => (sum += weights[key]));
    this.total = sum;
  }

  pick(random: Random): K {
    const target = random.next() * this.total;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.cumulative[middle] ?? 0) > target) high = middle;
      else low = middle + 1;
    }
    return this.keys[low] as K;
  }
}

/**
 * Zipf-distributed ranks over n items (rank 0 the most frequent), as word frequencies and "a few
 * users do most of the work" behave in real data.
 */
export class Zipf {
  private readonly cumulative: Float64Array;

  constructor(
    readonly size: number,
    exponent = 1,
  ) {
    this.cumulative = new Float64Array(size);
    let sum = 0;
    for (let rank = 0; rank < size; rank++) {
      sum += 1 / Math.pow(rank + 1, exponent);
      this.cumulative[rank] = sum;
    }
    for (let rank = 0; rank < size; rank++)
      this.cumulative[rank] = (this.cumulative[rank] ?? 0) / sum;
  }

  rank(random: Random): number {
    const target = random.next();
    let low = 0;
    let high = this.size - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.cumulative[middle] ?? 1) >= target) high = middle;
      else low = middle + 1;
    }
    return low;
  }

  pick<T>(random: Random, items: readonly T[]): T {
    return items[this.rank(random) % items.length] as T;
  }
}
