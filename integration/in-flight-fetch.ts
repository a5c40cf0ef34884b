import type { FetchLike } from '../src/core/sync/sync-transport';

export type RequestKind = 'push' | 'pull' | 'other';

/**
 * The real fetch, watched: which sync requests are in flight (sent, no answer yet), so a test can
 * kill the server while it works on a batch and tell whether the kill landed inside one. Several
 * PCs may share one watcher.
 */
export class InFlightFetch {
  private next = 0;
  private readonly flying = new Map<number, RequestKind>();
  private waiters: ((kind: RequestKind) => void)[] = [];
  /** Answers with a 5xx status: the server failing rather than being killed. */
  readonly serverErrors: string[] = [];
  /** How long answered requests took, in ms, by kind. */
  readonly durations: Record<RequestKind, number[]> = { push: [], pull: [], other: [] };

  readonly fetch: FetchLike = async (url, init) => {
    const id = (this.next += 1);
    const kind: RequestKind = url.includes('/sync/push')
      ? 'push'
      : url.includes('/sync/pull')
        ? 'pull'
        : 'other';
    this.flying.set(id, kind);
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter(kind);
    const sent = performance.now();
    try {
      // The headers come once the server has finished the batch (committed or rolled back).
      const answer = await globalThis.fetch(url, init);
      this.durations[kind].push(performance.now() - sent);
      if (answer.status >= 500)
        this.serverErrors.push(`${answer.status} ${init.method ?? 'GET'} ${url}`);
      return answer;
    } finally {
      this.flying.delete(id);
    }
  };

  /** The median time a request of this kind took so far (`fallback` before any answer). */
  medianMs(kind: RequestKind, fallback = 50): number {
    const sorted = [...this.durations[kind]].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] ?? fallback;
  }

  /** The kinds of the requests in flight now. */
  inFlight(): RequestKind[] {
    return [...this.flying.values()];
  }

  /**
   * Resolves once a request (of `kind`, if given) is in flight, at once if one is, or after
   * `timeoutMs` anyway.
   */
  whenFlying(timeoutMs: number, kind?: RequestKind): Promise<void> {
    if (this.inFlight().some((flying) => kind === undefined || flying === kind))
      return Promise.resolve();
    return new Promise((resolve) => {
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(finish, timeoutMs);
      const waiter = (started: RequestKind) => {
        if (done) return;
        if (kind !== undefined && started !== kind) this.waiters.push(waiter);
        else finish();
      };
      this.waiters.push(waiter);
    });
  }
}
