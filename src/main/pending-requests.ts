/** Requests sent to the core worker and waiting for their answer, keyed by a numeric id. */
export class PendingRequests<T> {
  private nextId = 1;
  private readonly waiting = new Map<number, (value: T) => void>();

  open(): { id: number; answer: Promise<T> } {
    const id = this.nextId++;
    const answer = new Promise<T>((resolve) => this.waiting.set(id, resolve));
    return { id, answer };
  }

  /** Resolves one request; false for an id that is unknown or already answered. */
  settle(id: number, value: T): boolean {
    const resolve = this.waiting.get(id);
    if (!resolve) return false;
    this.waiting.delete(id);
    resolve(value);
    return true;
  }

  /** Resolves every waiting request with the same value (the worker is gone). */
  settleAll(value: T): number {
    const all = [...this.waiting.values()];
    this.waiting.clear();
    for (const resolve of all) resolve(value);
    return all.length;
  }

  get size(): number {
    return this.waiting.size;
  }
}
