import { z } from 'zod';
import type { DatabaseConfig } from './db/open-server-db';

export const defaultWebsiteUrl = 'https://www.ksarelkebir.ma';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65_535).default(8787),
  // Loopback by default: in production a TLS proxy (nginx, Caddy) sits in front and forwards here.
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.string().min(1).optional(),
  MAKTAB_SERVER_DATA: z.string().min(1).default('./server-data'),
  /** The proxy's address (or `true`): its X-Forwarded-For names the real client. */
  MAKTAB_TRUST_PROXY: z.string().min(1).optional(),
  /** The folder electron-updater's feed is published in (src/server/README.md). */
  MAKTAB_UPDATES_DIR: z.string().min(1).default('./updates'),
  /** The commune's website: the news feed links each article to its page there. */
  MAKTAB_WEBSITE_URL: z
    .url({ protocol: /^https?$/ })
    .refine((url) => !/[?#]/.test(url), 'a base address, without ? or #')
    .default(defaultWebsiteUrl),
});

export interface ServerConfig {
  port: number;
  host: string;
  database: DatabaseConfig;
  trustProxy: boolean | string;
  updatesDir: string;
  /** Without a trailing slash. */
  websiteUrl: string;
}

/** The server's settings from the environment; a wrong value stops the start with its name. */
export function readServerConfig(env: Record<string, string | undefined>): ServerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `invalid setting ${issue?.path.map(String).join('.') ?? ''}: ${issue?.message}`,
    );
  }
  const values = parsed.data;
  const proxy = values.MAKTAB_TRUST_PROXY;
  return {
    port: values.PORT,
    host: values.HOST,
    database: { databaseUrl: values.DATABASE_URL, dataDir: values.MAKTAB_SERVER_DATA },
    trustProxy: proxy === undefined ? false : proxy === 'true' ? true : proxy,
    updatesDir: values.MAKTAB_UPDATES_DIR,
    websiteUrl: values.MAKTAB_WEBSITE_URL.replace(/\/+$/, ''),
  };
}
