// A worker thread cannot load TypeScript by itself: tsx compiles the entry, as Vite does for the app.
import { register } from 'tsx/esm/api';

register();
await import('./cipher-worker-entry.ts');
