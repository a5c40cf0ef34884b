import { join } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

// DESIGN.md's import boundaries, as the project's own ESLint config enforces them. Only the import
// rule runs, without type information: snippets need no type-check, and their files need not exist.
const root = join(import.meta.dirname, '..');
const eslint = new ESLint({
  cwd: root,
  overrideConfig: tseslint.configs.disableTypeChecked,
  ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports',
});

async function restrictedImports(file: string, specifier: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import { x } from '${specifier}';\nexport { x };\n`, {
    filePath: join(root, file),
    warnIgnored: true,
  });
  expect(result?.messages.filter((message) => message.fatal)).toEqual([]);
  return result?.messages.map((message) => message.ruleId ?? 'fatal') ?? [];
}

const forbidden: [file: string, specifier: string][] = [
  ['src/renderer/src/features/admin/ZoneProbe.tsx', '../../../../core'],
  ['src/renderer/src/features/ZoneProbe.tsx', '../../../core'],
  ['src/renderer/src/features/ZoneProbe.tsx', '../../../core/core'],
  ['src/renderer/src/features/ZoneProbe.tsx', '../../../main'],
  ['src/renderer/src/features/ZoneProbe.tsx', '../../../main/security'],
  ['src/renderer/src/features/ZoneProbe.tsx', '../../../preload'],
  ['src/renderer/src/features/ZoneProbe.tsx', '../../../preload/bridge'],
  ['src/renderer/src/features/ZoneProbe.tsx', '../../../server'],
  ['src/renderer/src/features/ZoneProbe.tsx', '../../../harness'],
  ['src/renderer/src/features/ZoneProbe.tsx', 'electron'],
  ['src/renderer/src/features/ZoneProbe.tsx', 'node:fs'],
  ['src/core/zone-probe.ts', 'electron'],
  ['src/core/zone-probe.ts', '../main/security'],
  ['src/core/zone-probe.ts', '../main'],
  ['src/core/zone-probe.ts', '../harness'],
  ['src/shared/zone-probe.ts', 'node:path'],
  ['src/shared/zone-probe.ts', '../core/core'],
  ['src/shared/zone-probe.ts', '../core'],
  ['src/preload/zone-probe.ts', '../core/core'],
  ['src/preload/zone-probe.ts', '../core'],
  ['src/preload/zone-probe.ts', '../shared/api/procedures'],
  ['src/preload/zone-probe.ts', 'zod'],
  ['src/main/zone-probe.ts', '../renderer'],
  ['src/main/zone-probe.ts', '../preload'],
  ['src/server/zone-probe.ts', '../core/core'],
  ['src/server/zone-probe.ts', '../core'],
];

const allowed: [file: string, specifier: string][] = [
  ['src/renderer/src/features/ZoneProbe.tsx', '../../../shared/errors'],
  ['src/core/zone-probe.ts', '../shared/errors'],
  ['src/core/zone-probe.ts', './core'],
  ['src/main/zone-probe.ts', '../core/core'],
  ['src/preload/zone-probe.ts', '../shared/api/procedure-names'],
  ['src/harness/zone-probe.ts', '../core/core'],
];

describe('lint import zones (DESIGN.md "The house")', () => {
  for (const [file, specifier] of forbidden) {
    it(`forbids ${file} -> '${specifier}'`, async () => {
      expect(await restrictedImports(file, specifier)).toEqual(['no-restricted-imports']);
    });
  }

  for (const [file, specifier] of allowed) {
    it(`allows ${file} -> '${specifier}'`, async () => {
      expect(await restrictedImports(file, specifier)).toEqual([]);
    });
  }
});
