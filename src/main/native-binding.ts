import { join } from 'node:path';

// Written by scripts/electron-native.mjs; the two files must agree on these names.
const copyDir = ['.electron-native', 'better-sqlite3'];
const stampFile = 'electron-build.json';
const addonPath = ['build', 'Release', 'better_sqlite3.node'];

export interface NativeBindingChoice {
  /** Path to pass to better-sqlite3's nativeBinding; undefined keeps its own lookup. */
  binding: string | undefined;
  /** Why the development build could not be used, for the console. */
  warning: string | null;
}

function stampedElectronVersion(stamp: string | null): unknown {
  try {
    return (JSON.parse(stamp ?? 'null') as { electron?: unknown } | null)?.electron;
  } catch {
    return null;
  }
}

/**
 * In development, node_modules holds better-sqlite3 built for Node (the tests need it), so the app
 * uses the Electron build made beside it. A packaged app's node_modules is rebuilt for Electron.
 */
export function chooseNativeBinding(options: {
  isPackaged: boolean;
  appPath: string;
  electronVersion: string;
  readText: (path: string) => string | null;
  exists: (path: string) => boolean;
}): NativeBindingChoice {
  if (options.isPackaged) return { binding: undefined, warning: null };
  const dir = join(options.appPath, ...copyDir);
  const addon = join(dir, ...addonPath);
  const hint = 'run `npm run dev` with internet access (see scripts/electron-native.mjs)';
  if (!options.exists(addon)) {
    return {
      binding: undefined,
      warning: `no better-sqlite3 build for Electron at ${addon}: ${hint}`,
    };
  }
  const builtFor = stampedElectronVersion(options.readText(join(dir, stampFile)));
  if (builtFor !== options.electronVersion) {
    return {
      binding: undefined,
      warning: `better-sqlite3 at ${addon} was built for Electron ${String(builtFor)}, not ${options.electronVersion}: ${hint}`,
    };
  }
  return { binding: addon, warning: null };
}
