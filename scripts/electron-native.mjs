#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into .electron-native/<electron version>/, leaving the
// Node build in node_modules untouched (the CLI, tests and browser shell keep using that one).
// Tries the published prebuilt binary first (prebuild-install), then compiles with node-gyp.
// Prints the path of the .node file; exits 1 with a one-line reason when neither works.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');
const electronVersion = require('electron/package.json').version;
const target = path.join(root, '.electron-native', electronVersion, 'better_sqlite3.node');

if (fs.existsSync(target)) {
  console.log(target);
  process.exit(0);
}

const work = path.join(root, '.electron-native', 'build', 'better-sqlite3');
fs.rmSync(work, { recursive: true, force: true });
fs.cpSync(path.dirname(require.resolve('better-sqlite3/package.json')), work, {
  recursive: true,
  filter: (src) => !src.includes(`${path.sep}build${path.sep}`) && !src.endsWith(`${path.sep}build`),
});

// npm sets nodedir to the local Node headers on some machines; Electron needs its own headers.
const env = { ...process.env };
for (const key of Object.keys(env)) if (/^npm_config_(nodedir|target|runtime|disturl|dist_url)$/i.test(key)) delete env[key];

const tries = [
  [process.execPath, [require.resolve('prebuild-install/bin.js'), '--runtime', 'electron', '--target', electronVersion, '--arch', process.arch, '--platform', process.platform]],
  [process.execPath, [nodeGyp(), 'rebuild', '--release', '--runtime=electron', `--target=${electronVersion}`, `--arch=${process.arch}`, '--dist-url=https://electronjs.org/headers']],
];
for (const [cmd, args] of tries) {
  if (!args[0]) continue;
  const result = spawnSync(cmd, args, { cwd: work, env, stdio: ['ignore', 'inherit', 'inherit'] });
  const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
  if (result.status === 0 && fs.existsSync(built)) {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(built, target);
    console.log(target);
    process.exit(0);
  }
}
console.error(`electron-native: could not get better-sqlite3 for Electron ${electronVersion} (no prebuilt binary reachable and node-gyp failed)`);
process.exit(1);

function nodeGyp() {
  if (process.env.npm_config_node_gyp && fs.existsSync(process.env.npm_config_node_gyp)) return process.env.npm_config_node_gyp;
  for (const candidate of ['node-gyp/bin/node-gyp.js', path.join(path.dirname(process.execPath), '../lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js')]) {
    try {
      return require.resolve(candidate);
    } catch {
      /* try the next */
    }
  }
  return '';
}
