// `npm run harness`: builds the renderer if it is missing, then serves it with core over HTTP.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { register } from 'tsx/esm/api';

if (!existsSync('out/renderer/index.html') || process.env.MAKTAB_REBUILD === '1') {
  execSync('npx electron-vite build', { stdio: 'inherit' });
}
register();
await import('../src/harness/main.ts');
