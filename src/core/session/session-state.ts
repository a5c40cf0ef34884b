import type { SessionUser } from '../../shared/api/procedures/session.procedures';

/**
 * The signed-in user, held by core and never sent by the renderer. One window, one user at a time:
 * a council PC is shared by staff who sign in and out.
 */
export class SessionState {
  private user: SessionUser | null = null;
  private locked = false;
  private lastActivity = 0;
  private failures = new Map<string, { count: number; until: number }>();

  current(): SessionUser | null {
    return this.user;
  }

  isLocked(): boolean {
    return this.locked;
  }

  signIn(user: SessionUser, now: number): void {
    this.user = user;
    this.locked = false;
    this.lastActivity = now;
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

  unlock(now: number): void {
    this.locked = false;
    this.lastActivity = now;
  }

  touch(now: number): void {
    this.lastActivity = now;
  }

  /** Locks the session once the user has been idle longer than the limit; true if it just locked. */
  lockIfIdle(now: number, lockAfterMs: number): boolean {
    if (!this.user || this.locked || now - this.lastActivity <= lockAfterMs) return false;
    this.locked = true;
    return true;
  }

  /** Five wrong passwords for one name hold that name back for a while, growing each time. */
  throttled(username: string, now: number): boolean {
    const entry = this.failures.get(username);
    return entry !== undefined && entry.until > now;
  }

  recordFailure(username: string, now: number): void {
    const entry = this.failures.get(username) ?? { count: 0, until: 0 };
    entry.count += 1;
    if (entry.count >= 5)
      entry.until = now + Math.min(15 * 60_000, 30_000 * 2 ** (entry.count - 5));
    this.failures.set(username, entry);
  }

  clearFailures(username: string): void {
    this.failures.delete(username);
  }
}
