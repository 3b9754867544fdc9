// electron-builder configuration (`npm run dist`, see scripts/dist.mjs). A JS file rather than YAML
// because the ffprobe filter is computed from one module the pack test shares
// (scripts/builder/pack-files.mjs), the afterPack hook is imported as a function, and every
// choice can carry its reason as a comment.
import { ffprobeExcludes, PACK_EXCLUDES } from './scripts/builder/pack-files.mjs';
import afterPack from './scripts/builder/after-pack.mjs';

/**
 * What goes into app.asar for one target OS: only the built bundles; electron-builder adds the
 * production dependencies (package.json "dependencies") itself, less what the app never loads
 * (pack-files.mjs). Sources, tests and docs of the repository stay out.
 * Given per platform and never at the top: electron-builder turns top-level `files` into a file
 * set of its own and then reads a platform's excludes-only list as "everything but these", which
 * put the whole repository into app.asar (seen in a real electron-builder run).
 */
const appFiles = (os) => ['out/**', 'package.json', ...PACK_EXCLUDES, ...ffprobeExcludes(os)];

/** Double-clicking these opens them in the app (src-main/electron/open-file.ts hands them to the window). */
const fileAssociations = [
  { ext: 'kepupkg', name: 'Kepu Review package', description: 'Kepu Review review package (评审包)', mimeType: 'application/x-kepu-package', role: 'Editor' },
  { ext: 'kepubundle', name: 'Kepu Review result bundle', description: 'Kepu Review judge result bundle (评审结果包)', mimeType: 'application/x-kepu-bundle', role: 'Editor' },
  { ext: 'kepukey', name: 'Kepu Review key card', description: 'Kepu Review public key card (公钥卡)', mimeType: 'application/x-kepu-key', role: 'Viewer' },
  { ext: 'kepuprog', name: 'Kepu Review programme', description: 'Kepu Review programme file (评审方案)', mimeType: 'application/x-kepu-programme', role: 'Editor' },
];

/** @type {import('electron-builder').Configuration} */
export default {
  appId: 'org.kepu.review',
  productName: '科普评审 Kepu Review',
  // Installer and archive names stay ASCII: download pages, e-mail gateways and FAT32 sticks mangle CJK names.
  artifactName: 'Kepu-Review-${version}-${os}-${arch}.${ext}',
  copyright: 'Kepu Review',
  directories: { output: 'dist', buildResources: 'build' },
  asar: true,
  // Native code cannot be loaded or executed from inside an asar archive.
  asarUnpack: ['node_modules/better-sqlite3/**', 'node_modules/ffprobe-static/**'],
  // Templates and the sample campaign: lifecycle.ts reads them at process.resourcesPath/resources.
  extraResources: [{ from: 'resources', to: 'resources', filter: ['**/*', '!icon.svg'] }],
  // better-sqlite3 rebuilt for Electron's ABI and each target architecture by @electron/rebuild
  // (electron-builder's own rebuild). It rebuilds in node_modules; scripts/dist.mjs puts the Node
  // build back afterwards for the CLI and the tests.
  npmRebuild: true,
  nativeRebuilder: 'sequential',
  fileAssociations,
  afterPack,

  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
    icon: 'build/icon.ico',
    executableName: 'KepuReview',
    files: appFiles('win'),
  },
  nsis: {
    // Per-user: judges install on their own laptops, often without administrator rights.
    oneClick: false,
    perMachine: false,
    allowElevation: false,
    allowToChangeInstallationDirectory: true,
    multiLanguageInstaller: true,
    installerLanguages: ['zh_CN', 'en_US'],
    language: '2052', // Simplified Chinese first; the installer follows the Windows language when it is English
    shortcutName: '科普评审 Kepu Review',
    deleteAppDataOnUninstall: false, // the data folder holds campaigns and keys: never removed with the app
  },
  mac: {
    target: [{ target: 'dmg', arch: ['x64', 'arm64'] }],
    icon: 'build/icon.icns',
    category: 'public.app-category.productivity',
    files: appFiles('mac'),
  },
  dmg: { title: 'Kepu Review ${version}' }, // ${version}: electron-builder's macro
  linux: {
    target: [
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64'] },
    ],
    icon: 'build/icons',
    executableName: 'kepu-review',
    category: 'Office',
    maintainer: 'Kepu Review <kepu-review@localhost>',
    synopsis: 'Offline review of health-science-popularization competitions',
    files: appFiles('linux'),
  },
};
