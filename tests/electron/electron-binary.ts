// Can the Electron smoke suite run here, and with what? Requiring the `electron` package is not a
// safe question: when node_modules/electron/path.txt is missing (the binary was never downloaded)
// its index.js starts the download itself, which offline hangs or fails with a long message. So
// the files it would use are looked at first, and the answer is a binary or a one-line reason.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');

export type ElectronAvailability = { binary: string; nativeBinding: string } | { reason: string };

let cached: ElectronAvailability | null = null;

export function electronAvailability(): ElectronAvailability {
  cached ??= check();
  return cached;
}

function check(): ElectronAvailability {
  const pkg = path.join(repoRoot, 'node_modules', 'electron');
  const pathTxt = path.join(pkg, 'path.txt');
  if (!fs.existsSync(pathTxt)) return { reason: 'no Electron binary (node_modules/electron/path.txt is missing; with the internet run `node node_modules/electron/install.js`)' };
  const binary = path.join(pkg, 'dist', fs.readFileSync(pathTxt, 'utf8').trim());
  if (!fs.existsSync(binary)) return { reason: `no Electron binary at ${path.relative(repoRoot, binary)} (with the internet run \`node node_modules/electron/install.js\`)` };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return { reason: 'no display (DISPLAY is not set; run under xvfb-run)' };
  if (!fs.existsSync(path.join(repoRoot, 'out', 'main', 'index.js'))) return { reason: 'the app is not built (run `npm run build` first)' };
  // better-sqlite3 for Electron's ABI, as `npm start` gets it (scripts/electron-native.mjs).
  const native = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'electron-native.mjs')], { cwd: repoRoot, encoding: 'utf8' });
  const nativeBinding = native.stdout.trim().split('\n').pop() ?? '';
  if (native.status !== 0 || !nativeBinding) return { reason: 'better-sqlite3 could not be built for Electron (scripts/electron-native.mjs failed)' };
  return { binary, nativeBinding };
}
