// Where things live when no shell says otherwise: the per-user data folder and the resources
// folder shipped with the app (found by walking up, so it works from src-main via tsx and from
// the bundles in out/).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const APP_FOLDER_NAME = 'Kepu Review';

/** KEPU_DATA_DIR, else the platform's per-user application-data folder. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.KEPU_DATA_DIR) return path.resolve(env.KEPU_DATA_DIR);
  const home = os.homedir();
  if (platform === 'win32') return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_FOLDER_NAME);
}

/**
 * Where the media of opened review packages go (gigabytes of video). On Windows the default data
 * folder is in the roaming profile (%APPDATA%), which a domain profile copies to the server at every
 * sign-out: the package media go to the local one (%LOCALAPPDATA%) instead. A data folder chosen by
 * hand (--data-dir, KEPU_DATA_DIR) keeps them inside it, so it stays one folder to move or back up.
 */
export function packagesRoot(dataDir: string, env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32' && env.LOCALAPPDATA && !env.KEPU_DATA_DIR) {
    const roaming = defaultDataDir(env, platform);
    if (path.win32.resolve(dataDir).toLowerCase() === path.win32.resolve(roaming).toLowerCase()) return path.win32.join(env.LOCALAPPDATA, APP_FOLDER_NAME, 'packages');
  }
  return path.join(dataDir, 'packages');
}

export function findUp(startDir: string, relative: string): string | null {
  let dir = path.resolve(startDir);
  for (;;) {
    const candidate = path.join(dir, relative);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

export function defaultResourcesDir(fromDir: string): string {
  const templates = findUp(fromDir, path.join('resources', 'templates'));
  if (!templates) throw new Error(`paths: resources/templates not found above ${fromDir}`);
  return path.dirname(templates);
}

/** The built renderer (index.html and assets) produced by `electron-vite build`. */
export function defaultRendererDir(fromDir: string): string | null {
  const index = findUp(fromDir, path.join('out', 'renderer', 'index.html'));
  return index ? path.dirname(index) : null;
}
