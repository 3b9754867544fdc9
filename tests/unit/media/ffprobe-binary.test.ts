// The bundled ffprobe on Windows and macOS, checked on Linux with the real binaries ffprobe-static
// ships (their headers) and a stand-in that cannot execute here: an x86_64 binary on an Apple-silicon
// Mac asks for Rosetta, a missing build (Windows on ARM) says what to install, and Windows paths past
// MAX_PATH go to ffprobe in their "\\?\" form.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KepuError } from '../../../src-main/core/errors';
import { type BinaryHost, binaryKind, ffprobeBinaryProblem, ffprobeFileArgument } from '../../../src-main/core/media/ffprobe-binary';
import { runFfprobe } from '../../../src-main/core/media/ffprobe';
import { repoRoot } from '../../helpers';
import { tempDir } from '../../temp-dirs';

const bundled = (platform: string, arch: string) => path.join(repoRoot, 'node_modules', 'ffprobe-static', 'bin', platform, arch, platform === 'win32' ? 'ffprobe.exe' : 'ffprobe');
const header = (file: string) => {
  try {
    const fd = fs.openSync(file, 'r');
    const buffer = Buffer.alloc(4096);
    const n = fs.readSync(fd, buffer, 0, 4096, 0);
    fs.closeSync(fd);
    return buffer.subarray(0, n);
  } catch {
    return null;
  }
};
const host = (platform: NodeJS.Platform, arch: string): BinaryHost => ({ platform, arch, readHeader: header });

describe('the bundled ffprobe binaries', () => {
  it('are read for what they are: darwin/arm64 is really x86_64', () => {
    expect(binaryKind(header(bundled('darwin', 'arm64'))!)).toEqual({ platform: 'darwin', archs: ['x64'] });
    expect(binaryKind(header(bundled('darwin', 'x64'))!)).toEqual({ platform: 'darwin', archs: ['x64'] });
    expect(binaryKind(header(bundled('win32', 'x64'))!)).toEqual({ platform: 'win32', archs: ['x64'] });
    expect(binaryKind(header(bundled('linux', 'x64'))!)).toEqual({ platform: 'linux', archs: ['x64'] });
    expect(binaryKind(Buffer.from('#!/bin/sh\necho {}\n'.padEnd(100)))).toBeNull();
  });

  it('say what to install where they cannot run', () => {
    expect(ffprobeBinaryProblem(bundled('darwin', 'arm64'), host('darwin', 'arm64'))?.code).toBe('FFPROBE_NEEDS_ROSETTA');
    expect(ffprobeBinaryProblem(bundled('darwin', 'x64'), host('darwin', 'x64'))).toBeNull();
    const winArm = ffprobeBinaryProblem(bundled('win32', 'arm64'), host('win32', 'arm64'));
    expect(winArm).toMatchObject({ code: 'FFPROBE_UNSUPPORTED_SYSTEM', params: { platform: 'win32', arch: 'arm64', found: 'none' } });
    expect(ffprobeBinaryProblem(bundled('win32', 'x64'), host('win32', 'arm64'))).toBeNull(); // x64 emulation on Windows 11 on ARM
    expect(ffprobeBinaryProblem(bundled('linux', 'x64'), host('linux', 'arm64'))).toMatchObject({ code: 'FFPROBE_UNSUPPORTED_SYSTEM', params: { found: 'linux-x64' } });
    expect(ffprobeBinaryProblem(bundled('win32', 'x64'), host('win32', 'x64'))).toBeNull();
  });

  it('a binary that cannot execute here rejects the probe with the translated error, not a bare spawn failure', async () => {
    const standIn = path.join(tempDir(), 'ffprobe');
    // A Mach-O x86_64 binary that the OS refuses to start (here: not executable, EACCES; on an
    // Apple-silicon Mac without Rosetta: EBADARCH). Either way a spawn error, not a file's exit.
    fs.copyFileSync(bundled('darwin', 'arm64'), standIn);
    fs.chmodSync(standIn, 0o644);
    const error = await runFfprobe(path.join(repoRoot, 'tests/fixtures/media/photo.jpg'), { binary: standIn }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KepuError);
    expect((error as KepuError).code).toBe('FFPROBE_UNSUPPORTED_SYSTEM');
  });
});

describe('long Windows paths', () => {
  const deep = `C:\\Users\\张三\\OneDrive - 四川省科协\\${'作品文件夹 2026\\'.repeat(24)}SC-0001.mp4`;

  it('go to ffprobe in the extended-length form past MAX_PATH, short ones as they are', () => {
    expect(deep.length).toBeGreaterThan(260);
    expect(ffprobeFileArgument(deep, 'win32')).toBe(`\\\\?\\${deep}`);
    expect(ffprobeFileArgument('C:\\作品\\SC-0001.mp4', 'win32')).toBe('C:\\作品\\SC-0001.mp4');
    expect(ffprobeFileArgument(`C:/Users/${'a/'.repeat(140)}x.mp4`, 'win32')).toBe(`\\\\?\\C:\\Users\\${'a\\'.repeat(140)}x.mp4`);
    expect(ffprobeFileArgument(`\\\\nas\\共享\\${'b\\'.repeat(140)}x.mp4`, 'win32')).toBe(`\\\\?\\UNC\\nas\\共享\\${'b\\'.repeat(140)}x.mp4`);
    expect(ffprobeFileArgument(`\\\\?\\${deep}`, 'win32')).toBe(`\\\\?\\${deep}`);
    expect(ffprobeFileArgument('relative/-x.mp4', 'linux')).toBe(path.resolve('relative/-x.mp4'));
  });
});
