import { configDefaults, defineConfig } from 'vitest/config';

// Vitest 5's failure report calls Map.groupBy, which Node 20 lacks: without this, a failing test
// crashes the reporter instead of printing what failed.
if (typeof (Map as { groupBy?: unknown }).groupBy !== 'function') {
  Object.defineProperty(Map, 'groupBy', {
    value<K, T>(items: Iterable<T>, key: (item: T, index: number) => K): Map<K, T[]> {
      const groups = new Map<K, T[]>();
      let index = 0;
      for (const item of items) {
        const k = key(item, index++);
        const group = groups.get(k);
        if (group) group.push(item);
        else groups.set(k, [item]);
      }
      return groups;
    },
  });
}

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 60_000,
    pool: 'forks',
    // The server's tests get a throwaway PostgreSQL (vitest.postgres.ts), started only when a
    // server test file is in the run. Each project names its own files: a project inherits the
    // root's settings, and an `include` given at the root would be added to both.
    projects: [
      {
        extends: true,
        test: {
          name: 'app',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'integration/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'src/server/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          include: ['src/server/**/*.test.ts'],
          globalSetup: ['./vitest.postgres.ts'],
        },
      },
    ],
  },
});
