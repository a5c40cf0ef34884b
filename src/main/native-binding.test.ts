import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseNativeBinding } from './native-binding';

const appPath = join('/home', 'dev', 'maktab');
const addon = join(
  appPath,
  '.electron-native',
  'better-sqlite3',
  'build',
  'Release',
  'better_sqlite3.node',
);
const stamp = join(appPath, '.electron-native', 'better-sqlite3', 'electron-build.json');

function choose(
  files: Record<string, string>,
  isPackaged = false,
): ReturnType<typeof chooseNativeBinding> {
  return chooseNativeBinding({
    isPackaged,
    appPath,
    electronVersion: '45.5.0',
    readText: (path) => files[path] ?? null,
    exists: (path) => path in files,
  });
}

describe('native binding for the core worker', () => {
  it('uses the Electron build beside node_modules in development', () => {
    expect(choose({ [addon]: '', [stamp]: '{"electron":"45.5.0"}' })).toEqual({
      binding: addon,
      warning: null,
    });
  });

  it('leaves a packaged app to its own rebuilt node_modules', () => {
    expect(choose({ [addon]: '', [stamp]: '{"electron":"45.5.0"}' }, true)).toEqual({
      binding: undefined,
      warning: null,
    });
  });

  it('warns, and passes nothing, when the build is missing or made for another Electron', () => {
    expect(choose({})).toMatchObject({
      binding: undefined,
      warning: expect.stringContaining('npm run dev') as unknown,
    });
    expect(choose({ [addon]: '', [stamp]: '{"electron":"44.0.0"}' })).toMatchObject({
      binding: undefined,
      warning: expect.stringContaining('44.0.0') as unknown,
    });
    expect(choose({ [addon]: '', [stamp]: 'not json' }).binding).toBeUndefined();
  });
});
