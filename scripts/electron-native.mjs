// Builds better-sqlite3 for Electron's ABI in .electron-native/, leaving node_modules' Node build
// (which vitest and the harness need) untouched. Never fails the command: `npm start` must go on.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'node_modules', 'better-sqlite3');
// src/main/native-binding.ts reads these same paths; keep the two files in step.
const target = join(root, '.electron-native', 'better-sqlite3');
const addon = join(target, 'build', 'Release', 'better_sqlite3.node');
const stampFile = join(target, 'electron-build.json');
const copied = ['package.json', 'binding.gyp', 'lib', 'src', 'deps'];
const force = process.argv.includes('--force');

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function warn(reason) {
  console.warn(
    [
      '',
      '[electron-native] WARNING: no better-sqlite3 build for Electron could be made.',
      `[electron-native] ${reason}`,
      '[electron-native] The app will start but report that it cannot open its database.',
      '[electron-native] To fix: connect to the internet and run `node scripts/electron-native.mjs --force`',
      '[electron-native] (it downloads a prebuilt binary, or Electron headers to compile one; compiling',
      '[electron-native] needs Python and a C++ toolchain, e.g. Visual Studio Build Tools on Windows).',
      '',
    ].join('\n'),
  );
}

/** npm passes its own config as npm_config_*; nodedir or target there would build for Node again. */
function cleanEnv() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (
      /^npm_config_(nodedir|target|runtime|arch|platform|disturl|dist_url|build_from_source)$/i.test(
        key,
      )
    ) {
      delete env[key];
    }
  }
  return env;
}

function toolPath(fromDir, pkg, bin) {
  try {
    const manifest = createRequire(join(fromDir, 'package.json')).resolve(`${pkg}/package.json`);
    return join(dirname(manifest), bin);
  } catch {
    return null;
  }
}

function sameBuild(stamp, wanted) {
  return stamp !== null && Object.entries(wanted).every(([key, value]) => stamp[key] === value);
}

function prepareCopy() {
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  for (const entry of copied) cpSync(join(source, entry), join(target, entry), { recursive: true });
}

function run(label, args, timeoutMs, env) {
  console.log(`[electron-native] trying ${label}...`);
  const result = spawnSync(process.execPath, args, {
    cwd: target,
    env,
    stdio: 'inherit',
    timeout: timeoutMs,
  });
  if (result.error) console.warn(`[electron-native] ${label}: ${result.error.message}`);
  return result.status === 0 && existsSync(addon);
}

function main() {
  const electron = readJson(join(root, 'node_modules', 'electron', 'package.json'))?.version;
  const betterSqlite3 = readJson(join(source, 'package.json'))?.version;
  if (!electron || !betterSqlite3) {
    warn('electron or better-sqlite3 is missing from node_modules: run `npm install` first.');
    return;
  }
  const wanted = { electron, betterSqlite3, platform: process.platform, arch: process.arch };
  if (!force && existsSync(addon) && sameBuild(readJson(stampFile), wanted)) {
    console.log(
      `[electron-native] better-sqlite3 ${betterSqlite3} for Electron ${electron} is up to date.`,
    );
    return;
  }

  prepareCopy();
  const env = cleanEnv();
  const prebuildInstall = toolPath(source, 'prebuild-install', 'bin.js');
  const nodeGyp = toolPath(root, 'node-gyp', join('bin', 'node-gyp.js'));
  const platformArgs = [`--arch=${process.arch}`, `--platform=${process.platform}`];
  const built =
    (prebuildInstall !== null &&
      run(
        'a prebuilt binary (prebuild-install)',
        [prebuildInstall, '--runtime=electron', `--target=${electron}`, ...platformArgs],
        120_000,
        env,
      )) ||
    (nodeGyp !== null &&
      run(
        'compiling (node-gyp)',
        [
          nodeGyp,
          'rebuild',
          '--release',
          '--runtime=electron',
          `--target=${electron}`,
          `--arch=${process.arch}`,
          '--dist-url=https://electronjs.org/headers',
        ],
        900_000,
        env,
      ));
  if (!built) {
    warn(`neither a prebuilt binary nor a compile for Electron ${electron} succeeded (offline?).`);
    return;
  }
  writeFileSync(stampFile, `${JSON.stringify(wanted, null, 2)}\n`);
  console.log(`[electron-native] better-sqlite3 for Electron ${electron}: ${addon}`);
}

try {
  main();
} catch (error) {
  warn(error instanceof Error ? error.message : String(error));
}
process.exitCode = 0;
