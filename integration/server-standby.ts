/**
 * The central server's process, started ahead for server-process.ts: it loads the server's code,
 * says "warm", then runs src/server/main.ts (`npm run server`, env PORT, DATABASE_URL...) when its
 * parent writes a line. A restart after a kill then costs the server's start, not loading its code.
 * It ends with its parent (stdin closed), so a crashed test leaves no server behind.
 */
import '../src/server/app';
import '../src/server/db/migrations';
import '../src/server/db/open-server-db';
import '../src/server/server-config';

process.stdin.once('data', () => void import('../src/server/main'));
process.stdin.once('end', () => process.exit(0));
process.stdout.write('warm\n');
