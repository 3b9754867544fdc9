// Can the bundled ffprobe run on this computer, and how does it get a path it can open? Three traps
// outside Linux:
// - ffprobe-static's darwin/arm64 binary is really x86_64: on an Apple-silicon Mac it runs only
//   with Rosetta 2, and without it every probe failed with a bare "Bad CPU type in executable".
// - There is no Windows-on-ARM (win32/arm64) build at all (x64 builds run there under emulation).
// - The Windows build opens no path longer than 260 characters (MAX_PATH) unless it is given in the
//   extended-length form "\\?\C:\…" (or "\\?\UNC\server\share\…").
// The binary's own header says which processor it is for (ELF, Mach-O, PE); a binary that cannot run
// here is a translated error that says what to install, instead of every file reading "unreadable".
import fs from 'node:fs';
import path from 'node:path';
import { KepuError } from '../errors';

export type BinaryArch = 'x64' | 'arm64' | 'ia32' | 'other';

const MACHO_CPU: Record<number, BinaryArch> = { 0x01000007: 'x64', 0x0100000c: 'arm64', 7: 'ia32' };
const PE_MACHINE: Record<number, BinaryArch> = { 0x8664: 'x64', 0xaa64: 'arm64', 0x14c: 'ia32' };
const ELF_MACHINE: Record<number, BinaryArch> = { 0x3e: 'x64', 0xb7: 'arm64', 0x03: 'ia32' };

export interface BinaryKind {
  /** The OS the executable format belongs to (ELF: linux, Mach-O: darwin, PE: win32). */
  platform: NodeJS.Platform;
  archs: BinaryArch[];
}

/** The OS and processors an executable's header (its first 4 KiB) is built for; null when the format is unknown. */
export function binaryKind(header: Buffer): BinaryKind | null {
  if (header.length < 64) return null;
  // ELF: e_machine at 18 (little-endian on every platform we ship).
  if (header.readUInt32BE(0) === 0x7f454c46) return { platform: 'linux', archs: [ELF_MACHINE[header.readUInt16LE(18)] ?? 'other'] };
  // Mach-O, 64 or 32 bit, little-endian: cputype right after the magic.
  const le = header.readUInt32LE(0);
  if (le === 0xfeedfacf || le === 0xfeedface) return { platform: 'darwin', archs: [MACHO_CPU[header.readUInt32LE(4)] ?? 'other'] };
  // Universal ("fat") Mach-O: a big-endian list of slices.
  if (header.readUInt32BE(0) === 0xcafebabe) {
    const count = Math.min(header.readUInt32BE(4), 8);
    return { platform: 'darwin', archs: Array.from({ length: count }, (_, i) => MACHO_CPU[header.readUInt32BE(8 + i * 20)] ?? 'other') };
  }
  // PE: "MZ", then the offset of "PE\0\0" at 0x3c, then the machine type.
  if (header.readUInt16LE(0) === 0x5a4d) {
    const pe = header.readUInt32LE(0x3c);
    if (pe + 6 <= header.length && header.readUInt32BE(pe) === 0x50450000) return { platform: 'win32', archs: [PE_MACHINE[header.readUInt16LE(pe + 4)] ?? 'other'] };
  }
  return null;
}

/** Whether a binary for `archs` runs on `platform`/`arch` without anything more installed. */
function runsNatively(archs: readonly BinaryArch[], platform: NodeJS.Platform, arch: string): boolean {
  if (archs.includes(arch as BinaryArch)) return true;
  if (arch === 'x64' && archs.includes('ia32') && platform !== 'darwin') return true;
  // Windows 11 on ARM runs x64 and x86 programs under its built-in emulation.
  return platform === 'win32' && arch === 'arm64' && (archs.includes('x64') || archs.includes('ia32'));
}

export interface BinaryHost {
  platform: NodeJS.Platform;
  arch: string;
  readHeader(file: string): Buffer | null;
}

const thisHost: BinaryHost = {
  platform: process.platform,
  arch: process.arch,
  readHeader(file) {
    try {
      const fd = fs.openSync(file, 'r');
      try {
        const buffer = Buffer.alloc(4096);
        return buffer.subarray(0, fs.readSync(fd, buffer, 0, buffer.length, 0));
      } finally {
        fs.closeSync(fd);
      }
    } catch {
      return null;
    }
  },
};

/**
 * Why `binary` cannot run here, as the error to show (FFPROBE_NEEDS_ROSETTA on an Apple-silicon
 * Mac with an x86_64 binary, FFPROBE_UNSUPPORTED_SYSTEM for a missing build or another processor),
 * or null when nothing is known to be wrong.
 */
export function ffprobeBinaryProblem(binary: string, host: BinaryHost = thisHost): KepuError | null {
  const params = { binary, platform: host.platform, arch: host.arch };
  const header = host.readHeader(binary);
  if (!header) {
    return new KepuError('FFPROBE_UNSUPPORTED_SYSTEM', `media: cannot run ffprobe at ${binary}: no build for ${host.platform}-${host.arch}`, { ...params, found: 'none' });
  }
  const kind = binaryKind(header);
  if (!kind) return null; // a script or an unknown format (KEPU_FFPROBE): let the OS decide
  const archs = kind.archs;
  if (kind.platform === host.platform && runsNatively(archs, host.platform, host.arch)) return null;
  if (kind.platform === 'darwin' && host.platform === 'darwin' && host.arch === 'arm64' && archs.includes('x64')) {
    return new KepuError('FFPROBE_NEEDS_ROSETTA', `media: cannot run ffprobe at ${binary}: an x86_64 binary, and this Mac needs Rosetta 2 to run it`, params);
  }
  const found = `${kind.platform}-${archs.join('+')}`;
  return new KepuError('FFPROBE_UNSUPPORTED_SYSTEM', `media: cannot run ffprobe at ${binary}: built for ${found}, not ${host.platform}-${host.arch}`, { ...params, found });
}

/** MAX_PATH less room for the terminating NUL: longer paths need the extended-length form. */
const WINDOWS_MAX_PATH = 259;

/**
 * The file argument for ffprobe: absolute (a name starting with "-" or holding "proto:" is never an
 * option or a protocol) and, on Windows past MAX_PATH, in the "\\?\" form (which takes no "." or
 * ".." and only backslashes: win32.resolve already normalised them).
 */
export function ffprobeFileArgument(file: string, platform: NodeJS.Platform = process.platform): string {
  if (platform !== 'win32') return path.resolve(file);
  const resolved = path.win32.resolve(file);
  if (resolved.length <= WINDOWS_MAX_PATH || resolved.startsWith('\\\\?\\')) return resolved;
  if (resolved.startsWith('\\\\')) return `\\\\?\\UNC\\${resolved.slice(2)}`; // \\server\share\… → \\?\UNC\server\share\…
  return `\\\\?\\${resolved}`;
}
