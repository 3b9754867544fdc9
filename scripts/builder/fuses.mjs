// The Electron fuses the packaged app ships with (https://www.electronjs.org/docs/latest/tutorial/fuses),
// flipped in the Electron binary itself by after-pack.mjs, before electron-builder signs it:
// - RunAsNode off: ELECTRON_RUN_AS_NODE cannot turn the signed app into a general Node runtime;
// - NODE_OPTIONS and --inspect off: nobody injects code or attaches a debugger through them;
// - cookie encryption on (the app keeps no cookies today; this stays right if that changes);
// - only app.asar is loaded, and its header is checked against the hash embedded at packaging
//   (macOS and Windows), so the packed code cannot be swapped on disk.
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';

export const DESKTOP_FUSES = {
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
};

/**
 * Flips the fuses in `electronBinary` (the .exe, the Linux executable, or the .app bundle). On an
 * arm64 Mac an edited binary must be re-signed ad hoc to start at all; the real signature (when
 * configured) comes after this, from electron-builder.
 */
export function applyDesktopFuses(electronBinary, platform, arch) {
  return flipFuses(electronBinary, {
    version: FuseVersion.V1,
    resetAdHocDarwinSignature: platform === 'darwin' && arch === 'arm64',
    ...DESKTOP_FUSES,
  });
}
