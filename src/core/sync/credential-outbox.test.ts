import { describe, expect, it } from 'vitest';
import { CurrentPasswords } from './credential-outbox';

/**
 * The current passwords handed over by own-password changes (the sending is proven against a real
 * server in integration/sync-credentials.test.ts).
 */
describe('current passwords held for own-password changes', () => {
  it('sends a second change made before the first went with the password the server knows', () => {
    const held = new CurrentPasswords();
    held.hold('u1', 'first');
    held.hold('u1', 'second');
    expect(held.take('u1')).toEqual({ password: 'first', count: 2 });
    held.spend('u1', 2);
    expect(held.take('u1')).toBeNull();
  });

  it('keeps one handed over while an entry travelled: it is what the server holds next', () => {
    const held = new CurrentPasswords();
    held.hold('u1', 'first');
    const sent = held.take('u1')!;
    held.hold('u1', 'second');
    held.spend('u1', sent.count);
    expect(held.take('u1')).toEqual({ password: 'second', count: 1 });
  });

  it('forgets users with nothing waiting, and everyone at once', () => {
    const held = new CurrentPasswords();
    held.hold('u1', 'a');
    held.hold('u2', 'b');
    held.keepOnly(new Set(['u2']));
    expect(held.take('u1')).toBeNull();
    expect(held.take('u2')).toEqual({ password: 'b', count: 1 });
    held.clear();
    expect(held.take('u2')).toBeNull();
  });
});
