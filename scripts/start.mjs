#!/usr/bin/env node
// `npm start`: opens the Electron app; where Electron cannot start (no display, no binary, no
// native module for it) says why in one line and starts the browser shell instead.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const passThrough = process.argv.slice(2);

function electronUnavailable() {
  if (process.env.KEPU_BROWSER_SHELL === '1') return 'KEPU_BROWSER_SHELL=1 is set';
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return 'no display (DISPLAY is not set)';
  // Requiring the package downloads the binary on first use; it fails without internet. Its own
  // error output is long, so it is kept out of the way and summed up in one line below.
  const binary = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 10 * 60_000,
  });
  if (binary.status !== 0 || !binary.stdout) return { reason: 'the Electron binary is not installed and could not be downloaded' };
  const native = spawnSync(process.execPath, [path.join(root, 'scripts/electron-native.mjs')], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (native.status !== 0) return 'better-sqlite3 could not be prepared for Electron';
  return { binary: binary.stdout.trim(), nativeBinding: native.stdout.trim().split('\n').pop() };
}

function startBrowserShell(reason) {
  console.log(`Electron cannot start here (${reason}); starting the browser shell instead.`);
  const child = spawn(process.execPath, [path.join(root, 'bin/kepu.mjs'), 'serve', ...passThrough], { cwd: root, stdio: 'inherit' });
  forwardSignals(child);
  child.on('exit', (code) => process.exit(code ?? 0));
}

function forwardSignals(child) {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
}

const found = electronUnavailable();
if (typeof found === 'string') startBrowserShell(found);
else if (found.reason) startBrowserShell(found.reason);
else {
  const child = spawn(found.binary, [root, ...passThrough], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, KEPU_ELECTRON_NATIVE: found.nativeBinding },
  });
  forwardSignals(child);
  const started = Date.now();
  child.on('exit', (code) => {
    // A crash straight away (missing system libraries, GPU trouble) still leaves the user an app.
    if (code !== 0 && Date.now() - started < 5000) startBrowserShell(`Electron exited with code ${code} at start-up`);
    else process.exit(code ?? 0);
  });
}
