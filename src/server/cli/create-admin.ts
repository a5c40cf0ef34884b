import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { migrateServerDb } from '../db/migrations';
import { openServerDb } from '../db/open-server-db';
import { readServerConfig } from '../server-config';
import { createFirstAdmin, FirstAdminRefused } from './first-admin';

/**
 * `npm run server:admin -- --username x --display-name "Y"`: creates the first administrator on
 * the server's database (DATABASE_URL, or the PGlite folder: stop the server first, PGlite is one
 * process's database). The password comes from MAKTAB_ADMIN_PASSWORD or is asked for, unechoed.
 */

function askHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const output = rl as unknown as { _writeToOutput?: (text: string) => void };
    process.stdout.write(question);
    output._writeToOutput = () => undefined;
    rl.question('', (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      username: { type: 'string' },
      'display-name': { type: 'string' },
      language: { type: 'string' },
    },
  });
  if (!values.username || !values['display-name']) {
    throw new FirstAdminRefused(
      'usage: npm run server:admin -- --username <name> --display-name "<name>" [--language ar|fr]',
    );
  }
  const password =
    process.env.MAKTAB_ADMIN_PASSWORD ?? (await askHidden('Password for the administrator: '));
  const language = values.language ?? 'ar';
  if (language !== 'ar' && language !== 'fr') throw new FirstAdminRefused('--language is ar or fr');
  const config = readServerConfig(process.env);
  const db = await openServerDb(config.database);
  try {
    await migrateServerDb(db);
    const id = await createFirstAdmin(db, {
      username: values.username,
      displayName: values['display-name'],
      password,
      language,
    });
    console.log(`administrator ${values.username} created (${id})`);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
