// electron-builder's afterPack hook (runs per platform and architecture, after the app folder is
// laid out and app.asar written, before the installer is made and before signing):
// 1. flip the Electron fuses (fuses.mjs);
// 2. check the packed tree: better-sqlite3's .node and exactly one ffprobe (the target's) sit in
//    app.asar.unpacked, so a pattern that stopped matching fails the build instead of shipping
//    336 MB of ffprobe or an app that cannot probe media.
import fs from 'node:fs';
import path from 'node:path';
import builder from 'electron-builder';
import { ffprobeRelativePath } from './pack-files.mjs';
import { applyDesktopFuses } from './fuses.mjs';

/** The Electron executable (or .app bundle) and the resources folder of a packed app. */
export function packedLayout(appOutDir, platform, productFilename, executableName) {
  if (platform === 'darwin' || platform === 'mas') {
    const bundle = path.join(appOutDir, `${productFilename}.app`);
    return { electronBinary: bundle, resourcesDir: path.join(bundle, 'Contents', 'Resources') };
  }
  const exe = platform === 'win32' ? `${productFilename}.exe` : executableName;
  return { electronBinary: path.join(appOutDir, exe), resourcesDir: path.join(appOutDir, 'resources') };
}

/** Problems with the unpacked native parts of a packed app; empty when it is as it should be. */
export function unpackedProblems(resourcesDir, platform, arch) {
  const unpacked = path.join(resourcesDir, 'app.asar.unpacked');
  const problems = [];
  const sqlite = path.join(unpacked, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
  if (!fs.existsSync(sqlite)) problems.push(`missing ${path.relative(resourcesDir, sqlite)}`);
  const ffprobeBin = path.join(unpacked, 'node_modules/ffprobe-static/bin');
  const found = fs.existsSync(ffprobeBin)
    ? fs.readdirSync(ffprobeBin, { recursive: true }).map(String).filter((f) => /(^|[\\/])ffprobe(\.exe)?$/.test(f))
    : [];
  const wanted = ffprobeRelativePath(platform, arch).replace('node_modules/ffprobe-static/bin/', '');
  const normalised = found.map((f) => f.split(path.sep).join('/'));
  if (!normalised.includes(wanted)) problems.push(`missing ffprobe ${wanted}`);
  const extra = normalised.filter((f) => f !== wanted);
  if (extra.length > 0) problems.push(`ffprobe of other targets packed: ${extra.join(', ')}`);
  return problems;
}

export default async function afterPack(context) {
  const platform = context.electronPlatformName;
  const arch = builder.Arch[context.arch];
  const { electronBinary, resourcesDir } = packedLayout(context.appOutDir, platform, context.packager.appInfo.productFilename, context.packager.executableName);
  await applyDesktopFuses(electronBinary, platform, arch);
  const problems = unpackedProblems(resourcesDir, platform === 'mas' ? 'darwin' : platform, arch);
  if (problems.length > 0) throw new Error(`after-pack (${platform}-${arch}): ${problems.join('; ')}`);
}
