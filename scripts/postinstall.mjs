// Checks that better-sqlite3 loads under Node (tests and the harness need it); never fails the install.
import { createRequire } from 'node:module';

try {
  const Database = createRequire(import.meta.url)('better-sqlite3');
  new Database(':memory:').close();
} catch (error) {
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
  console.warn(`[postinstall] better-sqlite3 does not load under Node (${reason}).`);
  console.warn('[postinstall] Tests need it: run `npm rebuild better-sqlite3` (about a minute).');
}
process.exitCode = 0;
