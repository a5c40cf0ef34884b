// Lint decides what Prettier does not: type-aware rules and DESIGN.md's import boundaries.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'worker_threads',
  'http',
  'url',
];

/** One zone per runtime folder: what it must never import. */
function zone(files, forbiddenGroups, message) {
  return {
    files,
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: forbiddenGroups, message }] }],
    },
  };
}

/** A source folder, inside (`../core/core`) and as a bare folder import (`../core`, its index). */
function folders(...names) {
  return names.flatMap((name) => [`**/${name}/**`, `**/${name}`]);
}

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'out/**',
      'dist/**',
      'test-results/**',
      'playwright-report/**',
      'e2e/artifacts/**',
      'bench/results/**',
      'server-data/**',
      '.electron-native/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['*.mjs', 'scripts/*.mjs', 'eslint.config.mjs'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      'no-restricted-exports': [
        'error',
        {
          restrictDefaultExports: {
            direct: true,
            named: true,
            defaultFrom: true,
            namedFrom: true,
            namespaceFrom: true,
          },
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Tool configs must export default: that is how their tools read them.
    files: ['*.config.ts', '*.config.mjs'],
    rules: { 'no-restricted-exports': 'off' },
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  zone(
    ['src/shared/**'],
    [
      ...folders('core', 'main', 'renderer', 'server', 'preload', 'harness'),
      'electron',
      'better-sqlite3',
      ...nodeBuiltins,
    ],
    'src/shared is plain TypeScript: it imports nothing outside shared/ (DESIGN.md).',
  ),
  zone(
    ['src/core/**'],
    [
      ...folders('main', 'renderer', 'server', 'preload', 'harness'),
      'electron',
      'electron-updater',
    ],
    'src/core never imports electron, main, renderer or server (DESIGN.md).',
  ),
  zone(
    ['src/main/**'],
    folders('renderer', 'server', 'preload', 'harness'),
    'src/main may import core and shared only (DESIGN.md).',
  ),
  zone(
    ['src/preload/**'],
    [
      ...folders('core', 'main', 'renderer', 'server', 'harness'),
      '**/shared/api/contract',
      '**/shared/api/procedures/**',
      '**/shared/api/procedures',
      'zod',
    ],
    'The preload imports procedure names from shared, nothing else (DESIGN.md).',
  ),
  zone(
    ['src/renderer/**'],
    [
      ...folders('core', 'main', 'server', 'preload', 'harness'),
      'electron',
      'better-sqlite3',
      ...nodeBuiltins,
    ],
    'The renderer talks to core only through window.api; it imports shared only (DESIGN.md).',
  ),
  zone(
    ['src/renderer/**/*.test.ts'],
    [...folders('core', 'main', 'server', 'preload', 'harness'), 'electron', 'better-sqlite3'],
    'Renderer tests may read files with node:*, but still never import core, main or server.',
  ),
  zone(
    ['src/harness/**'],
    [...folders('main', 'renderer', 'server', 'preload'), 'electron'],
    'The harness serves core and the built renderer; it imports core and shared only.',
  ),
  zone(
    ['src/server/**'],
    [...folders('core', 'main', 'renderer', 'preload', 'harness'), 'electron'],
    'The server imports shared only (DESIGN.md).',
  ),
  zone(
    ['integration/**'],
    [...folders('main', 'renderer', 'preload', 'harness'), 'electron'],
    'Integration tests drive core and the server together, nothing of the window.',
  ),
);
