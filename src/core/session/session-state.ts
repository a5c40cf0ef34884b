import type { SessionUser } from '../../shared/api/procedures/session.procedures';

const maxFailures = 5;
const forgetFailuresAfterMs = 15 * 60_000;
const maxTrackedNames = 500;

interface Failures {
  count: number;
  /** Until when the name is held back (0: not held back). */
  until: number;
  last: number;
}

/**
 * The signed-in user, held by core and never sent by the renderer. One window, one user at a time:
 * a council PC is shared by staff who sign in and out. Times come from a monotonic clock, so a
 * clerk setting the PC's clock back does not postpone the inactivity lock.
 */
export class SessionState {
  private user: SessionUser | null = null;
  private locked = false;
  private lastActivity = 0;
  private failures = new Map<string, Failures>();

  constructor(private readonly clock: () => number) {}

  current(): SessionUser | null {
    return this.user;
  }

  isLocked(): boolean {
    return this.locked;
  }

  signIn(user: SessionUser): void {
    this.user = user;
    this.locked = false;
    this.lastActivity = this.clock();
  }

  refresh(user: SessionUser): void {
    if (this.user && this.user.id === user.id) this.user = user;
  }

  signOut(): void {
    this.user = null;
    this.locked = false;
  }

  lock(): void {
    if (this.user) this.locked = true;
  }

  unlock(): void {
    this.locked = false;
    this.lastActivity = this.clock();
  }

  touch(): void {
    this.lastActivity = this.clock();
  }

  /** Locks the session once the user has been idle longer than the limit; true if it just locked. */
  lockIfIdle(lockAfterMs: number): boolean {
    if (!this.user || this.locked || this.clock() - this.lastActivity <= lockAfterMs) return false;
    this.locked = true;
    return true;
  }

  /**
   * Wrong passwords, counted per username whether at sign-in or at the lock screen: five hold the
   * name back for 30 s, doubling each time up to 15 minutes; forgotten after 15 quiet minutes.
   */
  throttled(username: string): boolean {
    const entry = this.failures.get(username);
    return entry !== undefined && entry.until > this.clock();
  }

  /** Returns how many wrong passwords in a row this name has now. */
  recordFailure(username: string): number {
    const now = this.clock();
    this.forgetOldFailures(now);
    const previous = this.failures.get(username);
    const entry: Failures =
      previous && now - previous.last <= forgetFailuresAfterMs
        ? previous
        : { count: 0, until: 0, last: now };
    entry.count += 1;
    entry.last = now;
    if (entry.count >= maxFailures) {
      entry.until =
        now + Math.min(forgetFailuresAfterMs, 30_000 * 2 ** (entry.count - maxFailures));
    }
    this.failures.set(username, entry);
    return entry.count;
  }

  clearFailures(username: string): void {
    this.failures.delete(username);
  }

  /** Made-up names must not grow the table without bound. */
  private forgetOldFailures(now: number): void {
    if (this.failures.size < maxTrackedNames) return;
    for (const [name, entry] of this.failures) {
      if (entry.until <= now && now - entry.last > forgetFailuresAfterMs)
        this.failures.delete(name);
    }
    if (this.failures.size >= maxTrackedNames) {
      const oldest = [...this.failures.entries()].sort((a, b) => a[1].last - b[1].last)[0];
      if (oldest) this.failures.delete(oldest[0]);
    }
  }
}

export const unlockAttemptsBeforeSignOut = maxFailures;
