// The electron-builder configuration and its hooks (issue 21), checked without building an
// installer (that needs the Electron binary from the internet): the config passes
// electron-builder's own schema; for every target, electron-builder's own node_modules matcher
// keeps exactly that target's ffprobe; the afterPack hook flips the fuses in a binary carrying
// Electron's fuse wire and refuses a packed app whose native parts are not where they must be.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../helpers';
import { tempDir } from '../../temp-dirs';
import { builderConfig, nodeModulesFilter, type TargetOs } from './layout';

const require = createRequire(import.meta.url);

async function script<T>(relative: string): Promise<T> {
  return (await import(pathToFileURL(path.join(repoRoot, relative)).href)) as T;
}

describe('electron-builder.config.js', () => {
  it('passes electron-builder validation and says what the issue asks', async () => {
    const config = await builderConfig();
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as { validateConfiguration(config: unknown, logger: unknown): Promise<void> };
    await validateConfiguration(config, { isEnabled: false, add() {} });
    await expect(validateConfiguration({ ...config, nsis: { ...(config.nsis as object), noSuchOption: 1 } }, { isEnabled: false, add() {} })).rejects.toThrow(/configuration\.nsis/);

    expect(config).toMatchObject({
      productName: '科普评审 Kepu Review',
      asar: true,
      nsis: { perMachine: false, oneClick: false, installerLanguages: ['zh_CN', 'en_US'] },
      win: { target: [{ target: 'nsis', arch: ['x64'] }] },
      mac: { target: [{ target: 'dmg', arch: ['x64', 'arm64'] }] },
      linux: { target: [{ target: 'AppImage' }, { target: 'deb' }] },
    });
    expect(config.artifactName).toMatch(/^[\x20-\x7e]+$/); // ASCII file names for the installers
    expect(config.fileAssociations.map((a) => a.ext).sort()).toEqual(['kepubundle', 'kepukey', 'kepupkg', 'kepuprog']);
    for (const os of ['win', 'mac', 'linux'] as const) expect(config[os].files.slice(0, 2)).toEqual(['out/**', 'package.json']);
    expect(config.files).toBeUndefined(); // see electron-builder.config.js: top-level files made it pack everything
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['node_modules/better-sqlite3/**', 'node_modules/ffprobe-static/**']));
    expect(config.extraResources).toEqual([expect.objectContaining({ from: 'resources', to: 'resources' })]);
  });

  it.each([
    ['win', 'x64', 'win32/x64/ffprobe.exe'],
    ['mac', 'x64', 'darwin/x64/ffprobe'],
    ['mac', 'arm64', 'darwin/arm64/ffprobe'],
    ['linux', 'x64', 'linux/x64/ffprobe'],
  ] as const)('packs only the %s %s ffprobe (%s)', async (os: TargetOs, arch, wanted) => {
    const filter = nodeModulesFilter(await builderConfig(), os, arch);
    const bin = path.join(repoRoot, 'node_modules/ffprobe-static/bin');
    const binaries = fs.readdirSync(bin, { recursive: true }).map(String).filter((f) => /ffprobe(\.exe)?$/.test(f));
    expect(binaries.length).toBeGreaterThanOrEqual(6);
    // electron-builder walks folders first: a file is kept when it and every folder above pass.
    const kept = binaries.filter((f) => {
      const parts = f.split(path.sep);
      return parts.every((_, i) => {
        const full = path.join(bin, ...parts.slice(0, i + 1));
        return filter(full, fs.statSync(full));
      });
    });
    expect(kept.map((f) => f.split(path.sep).join('/'))).toEqual([wanted]);
    // The package's own script stays.
    const index = path.join(repoRoot, 'node_modules/ffprobe-static/index.js');
    expect(filter(index, fs.statSync(index))).toBe(true);
  });
});

describe('the afterPack hook', () => {
  const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

  /** A stand-in Electron executable: bytes around Electron's fuse wire (version 1, 8 fuses, as shipped). */
  function fakeElectron(file: string): void {
    const wire = Buffer.from([1, 8, ...Buffer.from('10111101')]);
    fs.writeFileSync(file, Buffer.concat([Buffer.alloc(4096, 7), Buffer.from(SENTINEL), wire, Buffer.alloc(4096, 7)]));
  }

  it('flips the fuses the issue names in the Electron binary', async () => {
    const { applyDesktopFuses } = await script<{ applyDesktopFuses(binary: string, platform: string, arch: string): Promise<number> }>('scripts/builder/fuses.mjs');
    const exe = path.join(tempDir(), 'KepuReview.exe');
    fakeElectron(exe);
    await applyDesktopFuses(exe, 'win32', 'x64');
    const bytes = fs.readFileSync(exe);
    const at = bytes.indexOf(SENTINEL) + SENTINEL.length;
    const states = [...bytes.subarray(at + 2, at + 10)].map((b) => String.fromCharCode(b)).join('');
    // RunAsNode 0, cookie encryption 1, NODE_OPTIONS 0, inspect 0, asar integrity 1, only asar 1, untouched: V8 snapshot, file protocol
    expect(states).toBe('01001101');
    expect(bytes.length).toBe(4096 * 2 + SENTINEL.length + 10);
  });

  it('finds the Electron binary per platform and refuses a pack with the wrong ffprobe or no sqlite', async () => {
    const { packedLayout, unpackedProblems } = await script<{
      packedLayout(out: string, platform: string, product: string, exe: string): { electronBinary: string; resourcesDir: string };
      unpackedProblems(resourcesDir: string, platform: string, arch: string): string[];
    }>('scripts/builder/after-pack.mjs');
    expect(packedLayout('/o', 'darwin', '科普评审 Kepu Review', 'x')).toEqual({ electronBinary: path.join('/o', '科普评审 Kepu Review.app'), resourcesDir: path.join('/o', '科普评审 Kepu Review.app', 'Contents', 'Resources') });
    expect(packedLayout('/o', 'win32', '科普评审 Kepu Review', 'KepuReview').electronBinary).toBe(path.join('/o', '科普评审 Kepu Review.exe'));
    expect(packedLayout('/o', 'linux', 'x', 'kepu-review')).toEqual({ electronBinary: path.join('/o', 'kepu-review'), resourcesDir: path.join('/o', 'resources') });

    const resources = tempDir();
    const unpacked = path.join(resources, 'app.asar.unpacked', 'node_modules');
    const put = (relative: string) => {
      fs.mkdirSync(path.dirname(path.join(unpacked, relative)), { recursive: true });
      fs.writeFileSync(path.join(unpacked, relative), 'x');
    };
    put('ffprobe-static/bin/darwin/x64/ffprobe');
    put('ffprobe-static/bin/darwin/arm64/ffprobe');
    expect(unpackedProblems(resources, 'darwin', 'arm64')).toEqual([
      'missing app.asar.unpacked/node_modules/better-sqlite3/build/Release/better_sqlite3.node',
      'ffprobe of other targets packed: darwin/x64/ffprobe',
    ]);
    put('better-sqlite3/build/Release/better_sqlite3.node');
    fs.rmSync(path.join(unpacked, 'ffprobe-static/bin/darwin/x64'), { recursive: true });
    expect(unpackedProblems(resources, 'darwin', 'arm64')).toEqual([]);
    expect(unpackedProblems(resources, 'darwin', 'x64')).toEqual(['missing ffprobe darwin/x64/ffprobe', 'ffprobe of other targets packed: darwin/arm64/ffprobe']);
  });
});
