import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../server-deps';
import { cleanUpFiles, defaultFileCleanupRules, type FileCleanupRules } from './file-cleanup';

export const fileCleanupIntervalMs = 3_600_000;

/**
 * Runs `cleanUpFiles` every `intervalMs` for as long as the server is open: first after one
 * interval, never two runs of this instance at once. The timer does not keep the process alive,
 * and closing the server stops it and waits for a run under way, so the database can then close.
 * Every instance runs it; the cleanup's own lock makes that safe. The log says counts only.
 */
export function scheduleFileCleanup(
  app: FastifyInstance,
  deps: ServerDeps,
  options: { intervalMs?: number; rules?: FileCleanupRules } = {},
): void {
  let running: Promise<void> | null = null;
  const runOnce = async () => {
    try {
      const counts = await cleanUpFiles(
        deps.db,
        deps.now(),
        options.rules ?? defaultFileCleanupRules,
      );
      app.log.info({ fileCleanup: counts }, 'file cleanup');
    } catch (error) {
      // The message only: the statement's parameters are no business of the log.
      app.log.error(
        { error: error instanceof Error ? error.message : 'unknown' },
        'file cleanup failed',
      );
    }
  };
  const timer = setInterval(() => {
    running ??= runOnce().finally(() => {
      running = null;
    });
  }, options.intervalMs ?? fileCleanupIntervalMs);
  timer.unref();
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await running;
  });
}
