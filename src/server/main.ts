import { buildServer, productionLogger } from './app';
import { migrateServerDb } from './db/migrations';
import { openServerDb } from './db/open-server-db';
import { readServerConfig } from './server-config';

/**
 * `npm run server`: migrates the database, then serves on HOST:PORT (127.0.0.1:8787 by default).
 * Plain HTTP on loopback: in production a TLS proxy sits in front (src/server/README.md).
 */
async function main(): Promise<void> {
  const config = readServerConfig(process.env);
  const db = await openServerDb(config.database);
  await migrateServerDb(db);
  const app = await buildServer({
    db,
    logger: productionLogger,
    trustProxy: config.trustProxy,
    updatesDir: config.updatesDir,
    websiteUrl: config.websiteUrl,
  });
  const stop = async () => {
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  await app.listen({ port: config.port, host: config.host });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
