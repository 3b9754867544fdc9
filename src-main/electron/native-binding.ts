// better-sqlite3 is a native module: the copy in node_modules is built for Node (CLI, tests), and
// Electron needs one built for its own ABI. scripts/electron-native.mjs builds that one into
// .electron-native/ and the app passes it to better-sqlite3 as `nativeBinding`, so both can coexist.
import fs from 'node:fs';
import path from 'node:path';
import { findUp } from '../app/paths';

export function electronNativeBinding(fromDir: string, electronVersion: string): string | undefined {
  if (process.env.KEPU_ELECTRON_NATIVE && fs.existsSync(process.env.KEPU_ELECTRON_NATIVE)) {
    return process.env.KEPU_ELECTRON_NATIVE;
  }
  const dir = findUp(fromDir, '.electron-native');
  if (!dir) return undefined;
  const file = path.join(dir, electronVersion, 'better_sqlite3.node');
  return fs.existsSync(file) ? file : undefined;
}
