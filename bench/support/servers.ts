import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from './report';
import type { ChildMessage, ParentMessage } from './server-protocol';

export interface MemorySample {
  asIs: NodeJS.MemoryUsage;
  afterGc: NodeJS.MemoryUsage | null;
}

export interface ServerChild {
  url: string;
  pid: number;
  /** The child's process.memoryUsage(), as it is and after a full garbage collection. */
  memory(): Promise<MemorySample>;
  stop(): Promise<void>;
}

function nextMessage<T extends ChildMessage['type']>(
  child: ChildProcess,
  type: T,
): Promise<Extract<ChildMessage, { type: T }>> {
  return new Promise((resolveMessage, reject) => {
    const onMessage = (message: ChildMessage): void => {
      if (message.type !== type) return;
      cleanUp();
      resolveMessage(message as Extract<ChildMessage, { type: T }>);
    };
    const onExit = (code: number | null): void => {
      cleanUp();
      reject(new Error(`server child exited (${code}) before sending ${type}`));
    };
    const cleanUp = (): void => {
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

/** Starts support/server-child.ts in its own Node process (with tsx, and gc exposed). */
export async function startServerChild(args: readonly string[]): Promise<ServerChild> {
  const child = fork(join(projectRoot, 'bench/support/server-child.ts'), [...args], {
    cwd: projectRoot,
    execArgv: ['--import', 'tsx', '--expose-gc'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const send = (message: ParentMessage): void => {
    child.send(message);
  };
  const { url } = await nextMessage(child, 'ready');
  return {
    url,
    pid: child.pid ?? 0,
    memory: async () => {
      const reply = nextMessage(child, 'memory');
      send({ type: 'memory' });
      const { asIs, afterGc } = await reply;
      return { asIs, afterGc };
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((done) => child.once('exit', () => done()));
      send({ type: 'stop' });
      await exited;
    },
  };
}
