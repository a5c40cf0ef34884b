import { describe, expect, it } from 'vitest';
import { PendingRequests } from './pending-requests';

describe('pending requests', () => {
  it('gives each request its own id and resolves it once', async () => {
    const pending = new PendingRequests<string>();
    const a = pending.open();
    const b = pending.open();
    expect(a.id).not.toBe(b.id);
    expect(pending.settle(b.id, 'b')).toBe(true);
    expect(pending.settle(b.id, 'again')).toBe(false);
    expect(pending.settle(999, 'stray')).toBe(false);
    await expect(b.answer).resolves.toBe('b');
    expect(pending.size).toBe(1);
  });

  it('settles everything still waiting when the worker goes away', async () => {
    const pending = new PendingRequests<string>();
    const answers = [pending.open().answer, pending.open().answer];
    expect(pending.settleAll('gone')).toBe(2);
    await expect(Promise.all(answers)).resolves.toEqual(['gone', 'gone']);
    expect(pending.size).toBe(0);
  });
});
