// ffprobe-static ships an ffprobe for every platform (336 MB); an installer needs one. These are
// electron-builder `files` patterns for one target OS. They are excludes only, because
// electron-builder filters node_modules with the excludes of `files` and ignores its includes there.
// The OS is fixed per platform section of the config; the processor comes from electron-builder's
// own `${arch}` macro, expanded per architecture when one run builds several (macOS x64 + arm64).
// after-pack.mjs checks on the packed app that exactly the target's binary arrived.

/** electron-builder's platform keys → ffprobe-static's folder names (Node's process.platform). */
export const FFPROBE_PLATFORM = { mac: 'darwin', win: 'win32', linux: 'linux' };

/** The `files` excludes for a target OS: every other platform's folder, and the other processors' of this one. */
export function ffprobeExcludes(os) {
  const platform = FFPROBE_PLATFORM[os];
  if (!platform) throw new Error(`ffprobe-files: unknown target ${os}`);
  const others = Object.values(FFPROBE_PLATFORM).filter((p) => p !== platform);
  return [
    `!node_modules/ffprobe-static/bin/{${others.join(',')}}{,/**}`,
    // `!(…)` is minimatch's "anything but": every processor folder but the one being built.
    `!node_modules/ffprobe-static/bin/${platform}/!(\${arch}){,/**}`,
  ];
}

/** Where the one packed ffprobe sits, relative to the app folder (inside app.asar.unpacked once packed). */
export function ffprobeRelativePath(platform, arch) {
  return `node_modules/ffprobe-static/bin/${platform}/${arch}/${platform === 'win32' ? 'ffprobe.exe' : 'ffprobe'}`;
}
