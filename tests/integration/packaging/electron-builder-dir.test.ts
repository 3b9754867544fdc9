// electron-builder itself on our config (issue 21), as far as it runs without the internet: the
// Linux unpacked target (`--linux dir`) with a stand-in Electron distribution (electronDist: an
// "electron" file carrying Electron's fuse wire) and the native rebuild off (it downloads Electron's
// headers). What it lays out is what an installer ships, and the afterPack hook runs on it:
// - app.asar holds only out/, package.json and node_modules (a `files` mistake once packed the
//   whole repository);
// - better-sqlite3's .node and exactly this target's ffprobe are in app.asar.unpacked;
// - the fuses are flipped in the executable; templates sit in resources/resources;
// - the whole stays under 150 MB.
import asar from '@electron/asar';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../helpers';
import { tempDir } from '../../temp-dirs';

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
let appOut = '';

beforeAll(() => {
  // Built bundles needed; built once here when missing (npm test builds only after the unit and integration tests).
  if (!fs.existsSync(path.join(repoRoot, 'out', 'main', 'index.js'))) {
    execFileSync(process.execPath, [path.join(repoRoot, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: repoRoot, stdio: 'pipe' });
  }
  const work = tempDir('kepu-builder-');
  const electronDist = path.join(work, 'electron-dist');
  fs.mkdirSync(electronDist);
  fs.writeFileSync(path.join(electronDist, 'electron'), Buffer.concat([Buffer.from('\x7fELF'), Buffer.alloc(4092), Buffer.from(SENTINEL), Buffer.from([1, 8]), Buffer.from('10111101'), Buffer.alloc(4096)]), { mode: 0o755 });
  for (const name of ['LICENSE', 'LICENSES.chromium.html', 'version']) fs.writeFileSync(path.join(electronDist, name), '');
  const output = path.join(work, 'dist');
  execFileSync(
    process.execPath,
    [path.join(repoRoot, 'node_modules/electron-builder/cli.js'), '--config', 'electron-builder.config.js', '--linux', 'dir', '--x64', '--publish', 'never',
      '-c.npmRebuild=false', `-c.electronDist=${electronDist}`, `-c.directories.output=${output}`],
    { cwd: repoRoot, stdio: 'pipe', env: { ...process.env, ELECTRON_BUILDER_CACHE: path.join(work, 'cache') } },
  );
  appOut = path.join(output, 'linux-unpacked');
}, 120_000);

function sizeOf(target: string): number {
  const stat = fs.lstatSync(target);
  return stat.isDirectory() ? fs.readdirSync(target).reduce((n, name) => n + sizeOf(path.join(target, name)), 0) : stat.size;
}

describe('electron-builder --linux dir', () => {
  it('packs only the built app and its production dependencies', () => {
    const archive = path.join(appOut, 'resources', 'app.asar');
    const top = new Set(asar.listPackage(archive, { isPack: false }).map((f) => f.split(/[\\/]/)[1]));
    expect([...top].sort()).toEqual(['node_modules', 'out', 'package.json']);
    const files = asar.listPackage(archive, { isPack: false });
    expect(files).toContain(`${path.sep}out${path.sep}main${path.sep}index.js`);
    expect(files.some((f) => /node_modules[\\/](electron|vitest|typescript|tsx|react-dom)[\\/]/.test(f))).toBe(false);
  });

  it('unpacks better-sqlite3 and exactly this target\'s ffprobe', () => {
    const unpacked = path.join(appOut, 'resources', 'app.asar.unpacked', 'node_modules');
    expect(fs.existsSync(path.join(unpacked, 'better-sqlite3/build/Release/better_sqlite3.node'))).toBe(true);
    const ffprobes = fs.readdirSync(path.join(unpacked, 'ffprobe-static/bin'), { recursive: true }).map(String).filter((f) => /ffprobe$/.test(f));
    expect(ffprobes.map((f) => f.split(path.sep).join('/'))).toEqual(['linux/x64/ffprobe']);
  });

  it('flips the fuses in the executable (afterPack ran) and ships the templates beside app.asar', () => {
    const exe = fs.readFileSync(path.join(appOut, 'kepu-review'));
    const at = exe.indexOf(SENTINEL) + SENTINEL.length;
    expect(exe.subarray(at + 2, at + 10).toString('latin1')).toBe('01001101');
    expect(fs.readdirSync(path.join(appOut, 'resources', 'resources', 'templates')).filter((f) => f.endsWith('.kepuprog')).length).toBeGreaterThanOrEqual(2);
  });

  it('stays under 150 MB', () => {
    const size = sizeOf(path.join(appOut, 'resources'));
    expect(size, `${(size / 1e6).toFixed(1)} MB`).toBeLessThan(150e6);
  });
});
