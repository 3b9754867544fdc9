#!/usr/bin/env node
// `npm run dist [-- electron-builder options]`: the installer for this computer's platform
// (Windows NSIS, macOS dmg, Linux AppImage + deb), in dist/.
//   1. icons from resources/icon.svg (scripts/icons.mjs), 2. electron-vite build,
//   3. electron-builder (electron-builder.config.js): downloads Electron once (needs the internet),
//      rebuilds better-sqlite3 for Electron with @electron/rebuild, packs, flips the fuses.
// electron-builder rebuilds better-sqlite3 inside node_modules, where the CLI and the tests need the
// Node build: that file is kept aside first and put back afterwards, whether the build worked or not.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');

// @electron/rebuild 4 (and Electron's downloader) declare Node >= 22.12; fail in one line, not deep in a stack.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(`dist: needs Node.js 22.12 or newer (this is ${process.versions.node}); npm start and npm test still run on Node 20.6+`);
  process.exit(1);
}

function run(label, command, args) {
  console.log(`dist: ${label}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`dist: ${label} failed (exit ${result.status ?? result.signal})`);
}

const nodeBuild = path.join(path.dirname(require.resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');
const kept = path.join(root, '.electron-native', 'node-build', 'better_sqlite3.node');
let failed = false;
try {
  run('icons', process.execPath, [path.join(root, 'scripts', 'icons.mjs')]);
  // The packages' CLI files by path: their "exports" maps do not export them to require.resolve.
  run('build', process.execPath, [path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build']);
  // Keep only a copy Node can load: after an interrupted run node_modules may still hold the Electron build.
  const loads = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], { cwd: root, stdio: 'ignore' });
  if (loads.status === 0) {
    fs.mkdirSync(path.dirname(kept), { recursive: true });
    fs.copyFileSync(nodeBuild, kept);
  }
  run('electron-builder', process.execPath, [path.join(root, 'node_modules', 'electron-builder', 'cli.js'), '--config', 'electron-builder.config.js', '--publish', 'never', ...process.argv.slice(2)]);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  failed = true;
} finally {
  if (fs.existsSync(kept)) {
    fs.copyFileSync(kept, nodeBuild);
    console.log('dist: better-sqlite3 for Node restored in node_modules');
  }
}
process.exit(failed ? 1 : 0);
