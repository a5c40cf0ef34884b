import { describe, expect, it, vi } from 'vitest';
import { eventNames, procedureNames } from '../shared/api/procedure-names';
import { buildBridge, callChannel, eventChannel, type Invoke } from './bridge';

function setUp(): {
  api: ReturnType<typeof buildBridge>;
  invoke: ReturnType<typeof vi.fn<Invoke>>;
  push: (event: unknown, payload: unknown) => void;
} {
  let deliver: (event: unknown, payload: unknown) => void = () => undefined;
  const invoke = vi.fn<Invoke>(() => Promise.resolve({ ok: true, value: null }));
  const api = buildBridge(invoke, (d) => (deliver = d));
  return { api, invoke, push: (event, payload) => deliver(event, payload) };
}

describe('preload bridge', () => {
  it('uses the channel names main serves', () => {
    expect([callChannel, eventChannel]).toEqual(['maktab:call', 'maktab:event']);
  });

  it('exposes exactly one function per procedure name, plus on', () => {
    const { api } = setUp();
    expect(Object.keys(api).sort()).toEqual([...procedureNames, 'on'].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it('sends each procedure under its own name with the input unchanged', async () => {
    const { api, invoke } = setUp();
    const input = { username: 'admin', password: 'x' };
    await api['session:signIn'](input);
    expect(invoke).toHaveBeenCalledExactlyOnceWith('session:signIn', input);
    for (const name of procedureNames) await api[name]({});
    expect(invoke.mock.calls.map(([name]) => name).slice(1)).toEqual([...procedureNames]);
  });

  it('refuses to subscribe to events the contract does not name', () => {
    const { api } = setUp();
    expect(() => api.on('secrets:dump' as never, () => undefined)).toThrow(TypeError);
    expect(() => api.on('__proto__' as never, () => undefined)).toThrow(TypeError);
    expect(() => api.on('data:changed', 'not a function' as never)).toThrow(TypeError);
  });

  it('passes only the payload of known events to listeners, until they unsubscribe', () => {
    const { api, push } = setUp();
    const listener = vi.fn();
    const unsubscribe = api.on('data:changed', listener);
    push('data:changed', { tables: ['users'] });
    push('secrets:dump', { tables: ['x'] });
    push('progress', { task: 'backup', done: 1, total: 2 });
    unsubscribe();
    push('data:changed', { tables: ['departments'] });
    expect(listener.mock.calls).toEqual([[{ tables: ['users'] }]]);
    expect(eventNames).toContain('data:changed');
  });

  it('keeps other listeners going when one throws', () => {
    const { api, push } = setUp();
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const second = vi.fn();
    api.on('progress', () => {
      throw new Error('bad listener');
    });
    api.on('progress', second);
    push('progress', { task: 'backup', done: 1, total: 1 });
    expect(second).toHaveBeenCalled();
    spy.mockRestore();
  });
});
