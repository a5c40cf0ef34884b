import { describe, expect, it, vi, type Mock } from 'vitest';
import { procedureNames, type EventName } from '../shared/api/procedure-names';
import type { ApiResult } from '../shared/errors';
import type { AppOrigin } from './app-origin';
import { callChannel, eventChannel } from '../shared/api/procedure-names';
import {
  forwardCoreEvents,
  registerIpcRelay,
  relayCall,
  type CoreCaller,
  type EventTargetLike,
  type IpcMainLike,
} from './ipc-relay';
import type { FrameLike } from './security';

const app: AppOrigin = { kind: 'file', documentUrl: 'file:///opt/maktab/out/renderer/index.html' };
const ours: FrameLike = { url: 'file:///opt/maktab/out/renderer/index.html#/home', parent: null };
const quiet = { warn: vi.fn() };

function fakeCore(): { core: CoreCaller; call: Mock<CoreCaller['call']> } {
  const call = vi.fn<CoreCaller['call']>(() =>
    Promise.resolve<ApiResult<unknown>>({ ok: true, value: 'from core' }),
  );
  return { core: { call }, call };
}

describe('IPC relay', () => {
  it('uses the channel names the preload uses', () => {
    expect([callChannel, eventChannel]).toEqual(['maktab:call', 'maktab:event']);
  });

  it('forwards every known procedure from our main frame to core', async () => {
    const { core, call } = fakeCore();
    const relay = relayCall(core, app, quiet);
    for (const name of procedureNames) {
      await expect(relay(ours, name, { any: 'input' })).resolves.toEqual({
        ok: true,
        value: 'from core',
      });
    }
    expect(call).toHaveBeenCalledTimes(procedureNames.length);
    expect(call).toHaveBeenCalledWith('users:list', { any: 'input' });
  });

  it('refuses unknown procedure names without reaching core', async () => {
    const { core, call } = fakeCore();
    const relay = relayCall(core, app, quiet);
    for (const name of [
      'complaints:explode',
      '__proto__',
      'constructor',
      '',
      42,
      null,
      undefined,
    ]) {
      await expect(relay(ours, name, {})).resolves.toMatchObject({
        ok: false,
        error: { code: 'UNKNOWN_PROCEDURE' },
      });
    }
    expect(call).not.toHaveBeenCalled();
  });

  it('refuses foreign origins and sub-frames without reaching core', async () => {
    const { core, call } = fakeCore();
    const relay = relayCall(core, app, quiet);
    const refused = { ok: false, error: { code: 'FORBIDDEN' } };
    await expect(
      relay({ url: 'https://evil.example/', parent: null }, 'users:list', {}),
    ).resolves.toMatchObject(refused);
    await expect(relay({ url: ours.url, parent: ours }, 'users:list', {})).resolves.toMatchObject(
      refused,
    );
    await expect(relay(null, 'users:list', {})).resolves.toMatchObject(refused);
    expect(call).not.toHaveBeenCalled();
  });

  it('serves the call channel on ipcMain with the sender frame of each call', async () => {
    const handlers = new Map<string, Parameters<IpcMainLike['handle']>[1]>();
    const ipc: IpcMainLike = {
      handle: (channel, listener) => handlers.set(channel, listener),
      removeHandler: (channel) => handlers.delete(channel),
    };
    const { core } = fakeCore();
    const unregister = registerIpcRelay(ipc, core, app, quiet);
    const handler = handlers.get('maktab:call');
    await expect(handler?.({ senderFrame: ours }, 'session:status', {})).resolves.toEqual({
      ok: true,
      value: 'from core',
    });
    await expect(
      handler?.(
        { senderFrame: { url: 'https://evil.example/', parent: null } },
        'session:status',
        {},
      ),
    ).resolves.toMatchObject({
      ok: false,
    });
    unregister();
    expect(handlers.size).toBe(0);
  });
});

describe('event forwarding', () => {
  function setUp(url = ours.url): {
    emit: (event: string, payload: unknown) => void;
    send: Mock<EventTargetLike['send']>;
  } {
    let listener: ((event: EventName, payload: unknown) => void) | null = null;
    const send = vi.fn<EventTargetLike['send']>();
    const target: EventTargetLike = { isDestroyed: () => false, mainFrame: { url }, send };
    forwardCoreEvents({ onEvent: (l) => ((listener = l), () => undefined) }, () => target, app);
    return { emit: (event, payload) => listener?.(event as EventName, payload), send };
  }

  it('sends known events to our window on the event channel', () => {
    const { emit, send } = setUp();
    emit('data:changed', { tables: ['users'] });
    expect(send).toHaveBeenCalledExactlyOnceWith('maktab:event', 'data:changed', {
      tables: ['users'],
    });
  });

  it('drops unknown events, and everything once the window shows something else', () => {
    const known = setUp();
    known.emit('secrets:dump', {});
    expect(known.send).not.toHaveBeenCalled();
    const elsewhere = setUp('https://evil.example/');
    elsewhere.emit('data:changed', { tables: [] });
    expect(elsewhere.send).not.toHaveBeenCalled();
  });
});
