import type { MaktabApi } from '../shared/api/client';

declare global {
  interface Window {
    /** Put there by the preload (IPC) in the app, or by the harness (HTTP) in a plain browser. */
    api: MaktabApi;
  }
}
