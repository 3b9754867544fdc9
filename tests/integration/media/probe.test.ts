import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { MediaRules, ViolationCode } from '../../../src-main/contract';
import { TemplateCatalog } from '../../../src-main/core/campaigns/templates';
import { databasePath, openDatabase } from '../../../src-main/core/db/connection';
import { ffprobePath, runFfprobe } from '../../../src-main/core/media/ffprobe';
import { sha256File } from '../../../src-main/core/media/hash';
import { walkTopLevelBoxes } from '../../../src-main/core/media/mp4-boxes';
import { normaliseContainer, type ProbeOptions, type ProbeOutcome, probeFile, sniffMagic } from '../../../src-main/core/media/probe';
import { ProbeCache } from '../../../src-main/core/media/probe-cache';
import { checkFiles } from '../../../src-main/core/media/probe-queue';
import { repoRoot, resourcesDir, tempDir } from '../../helpers';

const fixtures = path.join(repoRoot, 'tests/fixtures/media');
const fixture = (name: string) => path.join(fixtures, name);
const rules: MediaRules = new TemplateCatalog(path.join(resourcesDir, 'templates')).get('sichuan-influence-2023').definition.mediaRules;
const cleanup: string[] = [];
afterAll(() => {
  for (const dir of cleanup) fs.rmSync(dir, { recursive: true, force: true });
});

function scratch(): string {
  const dir = tempDir('kepu-media-');
  cleanup.push(dir);
  return dir;
}

/** Copies of fixtures in a temp folder, so tests may touch mtimes and grow files. */
function copies(names: string[]): string[] {
  const dir = scratch();
  return names.map((name) => {
    const target = path.join(dir, name);
    fs.copyFileSync(fixture(name), target);
    return target;
  });
}

/** probeFile, counting calls and the most that ran at once. */
function countingProbe(inner: (file: string, options: ProbeOptions) => Promise<ProbeOutcome> = probeFile) {
  const stats = { calls: 0, inFlight: 0, maxInFlight: 0, files: [] as string[] };
  const probe = async (file: string, options: ProbeOptions) => {
    stats.calls += 1;
    stats.files.push(path.basename(file));
    stats.inFlight += 1;
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
    try {
      return await inner(file, options);
    } finally {
      stats.inFlight -= 1;
    }
  };
  return { probe, stats };
}

const expected: [string, 'pass' | 'fail' | 'unreadable', ViolationCode[]][] = [
  ['compliant.mp4', 'pass', []],
  ['rotated-phone.mp4', 'pass', []],
  ['too-long.mp4', 'fail', ['MEDIA_TOO_LONG']],
  ['webm-renamed.mp4', 'fail', ['MEDIA_CONTAINER_NOT_ALLOWED', 'MEDIA_EXTENSION_MISMATCH', 'MEDIA_VIDEO_CODEC_UNPLAYABLE', 'MEDIA_AUDIO_CODEC_UNPLAYABLE']],
  ['unplayable-codecs.mp4', 'fail', ['MEDIA_VIDEO_CODEC_UNPLAYABLE', 'MEDIA_AUDIO_CODEC_UNPLAYABLE']],
  ['quicktime.mov', 'fail', ['MEDIA_CONTAINER_NOT_ALLOWED']],
  ['truncated.mp4', 'unreadable', ['MEDIA_TRUNCATED']],
  ['empty.mp4', 'unreadable', ['MEDIA_EMPTY']],
  ['text-renamed.mp4', 'unreadable', ['MEDIA_NOT_MEDIA']],
  ['small.png', 'fail', ['MEDIA_IMAGE_TOO_SMALL']],
  ['photo.jpg', 'pass', []],
  ['png-renamed.jpg', 'fail', ['MEDIA_EXTENSION_MISMATCH']],
  ['article.txt', 'pass', []],
];

describe('probing the fixtures with ffprobe-static', () => {
  it('uses the ffprobe-static binary unless KEPU_FFPROBE says otherwise, and the unpacked copy inside app.asar', () => {
    expect(ffprobePath({})).toContain(`ffprobe-static${path.sep}bin`);
    expect(ffprobePath({ KEPU_FFPROBE: '/opt/ffprobe' })).toBe('/opt/ffprobe');
    expect(ffprobePath({}, '/app/resources/app.asar/node_modules/ffprobe-static/bin/linux/x64/ffprobe')).toBe(
      '/app/resources/app.asar.unpacked/node_modules/ffprobe-static/bin/linux/x64/ffprobe',
    );
    expect(ffprobePath({}, '/app/app.asar.unpacked/ffprobe')).toBe('/app/app.asar.unpacked/ffprobe');
  });

  it('gives every fixture its expected verdict and violation codes', async () => {
    const files = expected.map(([name]) => fixture(name));
    const { results, cancelled } = await checkFiles(files, { rules, concurrency: 2 });
    expect(cancelled).toBe(false);
    expect(results.map((r) => [path.basename(r.path), r.verdict, r.violations.map((v) => v.code)])).toEqual(expected);
  });

  it('reads the facts of a compliant MP4 exactly', async () => {
    expect(await probeFile(fixture('compliant.mp4'))).toEqual({
      ok: true,
      facts: {
        container: 'mp4', formatName: 'mov,mp4,m4a,3gp,3g2,mj2', durationSeconds: 2, sizeBytes: fs.statSync(fixture('compliant.mp4')).size,
        videoCodec: 'h264', audioCodec: 'aac', width: 160, height: 90, frameRate: 12, bitRate: expect.any(Number), rotation: 0,
      },
    });
  });

  it('reports a phone video held upright as coded landscape with a 90° rotation', async () => {
    const outcome = await probeFile(fixture('rotated-phone.mp4'));
    expect(outcome).toMatchObject({ ok: true, facts: { width: 128, height: 72, rotation: 90, container: 'mp4' } });
  });

  it('measures the ten-minute video at 610 seconds', async () => {
    const [check] = (await checkFiles([fixture('too-long.mp4')], { rules })).results;
    expect(check.facts?.durationSeconds).toBe(610);
    expect(check.violations).toEqual([{ code: 'MEDIA_TOO_LONG', limit: 600, actual: 610 }]);
  });

  it('sees through renamed files: WebM as .mp4 and PNG as .jpg', async () => {
    const { results } = await checkFiles([fixture('webm-renamed.mp4'), fixture('png-renamed.jpg')], { rules });
    expect(results[0].facts).toMatchObject({ container: 'webm', formatName: 'matroska,webm', videoCodec: 'vp9', audioCodec: 'opus' });
    expect(results[0].violations.slice(0, 2)).toEqual([
      { code: 'MEDIA_CONTAINER_NOT_ALLOWED', limit: 'mp4', actual: 'webm' },
      { code: 'MEDIA_EXTENSION_MISMATCH', limit: 'mp4', actual: 'webm' },
    ]);
    expect(results[1]).toMatchObject({ mediaClass: 'image', violations: [{ code: 'MEDIA_EXTENSION_MISMATCH', limit: 'jpg', actual: 'png' }] });
  });

  it('describes still images by codec and size, with no duration', async () => {
    expect(await probeFile(fixture('photo.jpg'))).toMatchObject({
      ok: true, facts: { container: 'jpeg', videoCodec: 'mjpeg', width: 800, height: 600, durationSeconds: null, frameRate: null, audioCodec: null },
    });
    const [small] = (await checkFiles([fixture('small.png')], { rules })).results;
    expect(small.violations).toEqual([{ code: 'MEDIA_IMAGE_TOO_SMALL', limit: '600x400', actual: '320x200' }]);
  });

  it('calls a faststart MP4 cut in half truncated although ffprobe still reads its index', async () => {
    const ffprobeAlone = await runFfprobe(fixture('truncated.mp4'));
    expect(ffprobeAlone.ok).toBe(true);
    const outcome = await probeFile(fixture('truncated.mp4'));
    expect(outcome).toMatchObject({ ok: false, code: 'MEDIA_TRUNCATED' });
    expect(outcome.ok ? '' : outcome.detail).toMatch(/box mdat at offset \d+ declares \d+ bytes but only \d+ remain/);
  });

  it('calls a cut QuickTime file (index at the end) truncated, and a renamed text file not media', async () => {
    const [mov] = copies(['quicktime.mov']);
    const cut = path.join(path.dirname(mov), 'cut.mov');
    fs.writeFileSync(cut, fs.readFileSync(mov).subarray(0, Math.floor(fs.statSync(mov).size / 2)));
    expect(await probeFile(cut)).toMatchObject({ ok: false, code: 'MEDIA_TRUNCATED' });
    expect(await probeFile(fixture('text-renamed.mp4'))).toMatchObject({ ok: false, code: 'MEDIA_NOT_MEDIA', detail: expect.stringContaining('Invalid data') });
  });

  it('does not call an intact HEIC/AVIF photo truncated although ffprobe-static cannot read it', async () => {
    const ftyp = Buffer.alloc(28);
    ftyp.writeUInt32BE(28, 0);
    ftyp.write('ftypavif', 4, 'latin1');
    ftyp.write('avifmif1miaf', 16, 'latin1');
    const meta = Buffer.alloc(64);
    meta.writeUInt32BE(64, 0);
    meta.write('meta', 4, 'latin1');
    const file = path.join(scratch(), 'photo.avif');
    fs.writeFileSync(file, Buffer.concat([ftyp, meta]));
    expect(await probeFile(file)).toMatchObject({ ok: false, code: 'MEDIA_NOT_MEDIA', detail: expect.stringMatching(/^HEIF\/AVIF image: a format the probe cannot read/) });
  });

  it('decides an empty file without starting ffprobe', async () => {
    let ran = 0;
    const outcome = await probeFile(fixture('empty.mp4'), { run: async (file, options) => { ran += 1; return runFfprobe(file, options); } });
    expect(outcome).toEqual({ ok: false, code: 'MEDIA_EMPTY', detail: '0 bytes' });
    expect(ran).toBe(0);
  });

  it('reports a missing file as unreadable instead of failing the run', async () => {
    const { results } = await checkFiles([path.join(scratch(), 'gone.mp4')], { rules });
    expect(results[0]).toMatchObject({ verdict: 'unreadable', violations: [{ code: 'MEDIA_NOT_MEDIA', limit: null, actual: 'file not found' }] });
  });

  it('fails the run, not the file, when ffprobe cannot be started', async () => {
    await expect(runFfprobe(fixture('compliant.mp4'), { binary: path.join(scratch(), 'no-ffprobe') })).rejects.toThrow(/media: cannot run ffprobe/);
    const broken = async () => { throw new Error('media: cannot run ffprobe at /nowhere'); };
    await expect(checkFiles([fixture('compliant.mp4'), fixture('photo.jpg')], { rules, probe: broken })).rejects.toThrow('/nowhere');
  });

  it('fails a video over 100 MB (10^6 bytes) in bytes, built as a sparse file that ffprobe still reads', async () => {
    const [big] = copies(['compliant.mp4']);
    const target = 101_000_000;
    const header = Buffer.alloc(8);
    header.writeUInt32BE(target - fs.statSync(big).size, 0);
    header.write('free', 4, 'latin1');
    fs.appendFileSync(big, header);
    fs.truncateSync(big, target); // a hole: no 101 MB written to disk
    expect((await walkTopLevelBoxes(big)).truncated).toBeNull();
    const { results } = await checkFiles([big], { rules });
    expect(results[0].facts).toMatchObject({ durationSeconds: 2, videoCodec: 'h264', sizeBytes: target });
    expect(results[0].verdict).toBe('fail');
    expect(results[0].violations).toEqual([{ code: 'MEDIA_TOO_LARGE', limit: 100_000_000, actual: target }]);
    expect(results[0].violations[0].actual as number).toBeGreaterThan(100_000_000);
  });
});

describe('container names and magic bytes', () => {
  it('tells MP4 from QuickTime and 3GP by brand, and WebM from Matroska by codecs', () => {
    const mov = 'mov,mp4,m4a,3gp,3g2,mj2';
    expect(normaliseContainer(mov, { major_brand: 'isom' }, [])).toBe('mp4');
    expect(normaliseContainer(mov, { major_brand: 'mp42' }, [])).toBe('mp4');
    expect(normaliseContainer(mov, { major_brand: 'qt  ' }, [])).toBe('mov');
    expect(normaliseContainer(mov, undefined, [])).toBe('mov');
    expect(normaliseContainer(mov, { major_brand: '3gp4' }, [])).toBe('3gp');
    expect(normaliseContainer(mov, { major_brand: 'M4A ' }, [])).toBe('m4a');
    const mkv = 'matroska,webm';
    expect(normaliseContainer(mkv, {}, [{ codec_name: 'vp9' }, { codec_name: 'opus' }])).toBe('webm');
    expect(normaliseContainer(mkv, {}, [{ codec_name: 'h264' }, { codec_name: 'aac' }])).toBe('matroska');
  });

  it('names image demuxers after their codec', () => {
    expect(normaliseContainer('image2', {}, [{ codec_type: 'video', codec_name: 'mjpeg' }])).toBe('jpeg');
    expect(normaliseContainer('png_pipe', {}, [{ codec_type: 'video', codec_name: 'png' }])).toBe('png');
    expect(normaliseContainer('webp_pipe', {}, [])).toBe('webp');
    expect(normaliseContainer('gif', {}, [{ codec_type: 'video', codec_name: 'gif' }])).toBe('gif');
    expect(normaliseContainer('avi', {}, [])).toBe('avi');
    expect(normaliseContainer(null, {}, [])).toBeNull();
  });

  it('recognises media signatures and nothing that a text file starts with', () => {
    const b = (...bytes: number[]) => Buffer.from(bytes);
    expect(sniffMagic(fs.readFileSync(fixture('compliant.mp4')).subarray(0, 512))).toBe('MP4/QuickTime');
    expect(sniffMagic(fs.readFileSync(fixture('webm-renamed.mp4')).subarray(0, 512))).toBe('Matroska/WebM');
    expect(sniffMagic(fs.readFileSync(fixture('small.png')).subarray(0, 512))).toBe('PNG');
    expect(sniffMagic(fs.readFileSync(fixture('photo.jpg')).subarray(0, 512))).toBe('JPEG');
    expect(sniffMagic(Buffer.from('RIFF\0\0\0\0WAVEfmt ', 'latin1'))).toBe('WAV');
    expect(sniffMagic(Buffer.from('ID3\x04\0', 'latin1'))).toBe('MP3');
    expect(sniffMagic(b(0xff, 0xfb, 0x90, 0x64))).toBe('MPEG audio');
    expect(sniffMagic(Buffer.from('OggS\0\x02', 'latin1'))).toBe('Ogg');
    expect(sniffMagic(Buffer.from('FLV\x01\x05', 'latin1'))).toBe('FLV');
    expect(sniffMagic(Buffer.from('GIF89a', 'latin1'))).toBe('GIF');
    expect(sniffMagic(fs.readFileSync(fixture('text-renamed.mp4')))).toBeNull();
    expect(sniffMagic(b(0xff, 0xfe, 0x41, 0x00))).toBeNull(); // UTF-16 text
    expect(sniffMagic(Buffer.from('Go west', 'latin1'))).toBeNull();
    expect(sniffMagic(Buffer.from('BMW owners club', 'latin1'))).toBeNull();
  });

  it('walks top-level boxes with 64-bit sizes and size 0, and spots one that runs past the end', async () => {
    const dir = scratch();
    const box = (type: string, payload: number) => {
      const header = Buffer.alloc(8);
      header.writeUInt32BE(8 + payload, 0);
      header.write(type, 4, 'latin1');
      return Buffer.concat([header, Buffer.alloc(payload)]);
    };
    const large = Buffer.alloc(16 + 10);
    large.writeUInt32BE(1, 0);
    large.write('mdat', 4, 'latin1');
    large.writeBigUInt64BE(26n, 8);
    const toEnd = Buffer.concat([box('free', 0).subarray(0, 4).fill(0), Buffer.from('mdat'), Buffer.alloc(100)]);
    const whole = path.join(dir, 'whole.mp4');
    fs.writeFileSync(whole, Buffer.concat([box('ftyp', 12), box('moov', 30), large, toEnd]));
    expect(await walkTopLevelBoxes(whole)).toEqual({
      boxes: [
        { type: 'ftyp', offset: 0, size: 20, headerSize: 8 },
        { type: 'moov', offset: 20, size: 38, headerSize: 8 },
        { type: 'mdat', offset: 58, size: 26, headerSize: 16 },
        { type: 'mdat', offset: 84, size: 108, headerSize: 8 },
      ],
      truncated: null,
      malformed: null,
    });
    const cut = path.join(dir, 'cut.mp4');
    fs.writeFileSync(cut, Buffer.concat([box('ftyp', 12), large.subarray(0, 20)]));
    expect((await walkTopLevelBoxes(cut)).truncated).toBe('box mdat at offset 20 declares 26 bytes but only 20 remain (file ends at 40)');
    const junk = path.join(dir, 'junk.mp4');
    fs.writeFileSync(junk, Buffer.concat([box('ftyp', 12), Buffer.alloc(12, 0xff)]));
    expect(await walkTopLevelBoxes(junk)).toMatchObject({ truncated: null, malformed: expect.stringContaining('no box header at offset 20') });
  });
});

describe('checking many files', () => {
  it('never probes an unchanged file twice when a cache is given, and re-probes one whose mtime changed', async () => {
    const files = copies(['compliant.mp4', 'photo.jpg', 'truncated.mp4', 'small.png', 'article.txt']);
    const db = openDatabase(databasePath(scratch()));
    try {
      const cache = new ProbeCache(db);
      const first = countingProbe();
      const cold = await checkFiles(files, { rules, cache, probe: first.probe });
      expect(first.stats.calls).toBe(4); // the document is never probed
      const second = countingProbe();
      const warm = await checkFiles(files, { rules, cache, probe: second.probe });
      expect(second.stats.calls).toBe(0);
      expect(warm.results).toEqual(cold.results);
      expect(warm.results.map((r) => r.verdict)).toEqual(['pass', 'pass', 'unreadable', 'fail', 'pass']);

      const later = new Date(Date.now() + 60_000);
      fs.utimesSync(files[1], later, later);
      const third = countingProbe();
      await checkFiles(files, { rules, cache, probe: third.probe });
      expect(third.stats.files).toEqual(['photo.jpg']);
      expect((db.prepare('SELECT count(*) AS n FROM probe_results WHERE path = ?').get(files[1]) as { n: number }).n).toBe(1);
    } finally {
      db.close();
    }
  });

  it('treats a cache row that does not parse as a miss', async () => {
    const [file] = copies(['compliant.mp4']);
    const db = openDatabase(databasePath(scratch()));
    try {
      const cache = new ProbeCache(db);
      const stat = fs.statSync(file);
      cache.put(file, stat.size, stat.mtimeMs, { ok: false, code: 'MEDIA_EMPTY', detail: 'stale' });
      expect(cache.get(file, stat.size, stat.mtimeMs)?.outcome).toEqual({ ok: false, code: 'MEDIA_EMPTY', detail: 'stale' });
      expect(cache.get(file, stat.size + 1, stat.mtimeMs)).toBeNull();
      db.prepare('UPDATE probe_results SET facts_json = ?').run('{"v":1,"outcome":{"ok":true,"facts":{"container":"mp4"}}}');
      expect(cache.get(file, stat.size, stat.mtimeMs)).toBeNull();
      db.prepare('UPDATE probe_results SET facts_json = ?').run('not json');
      const counted = countingProbe();
      const { results } = await checkFiles([file], { rules, cache, probe: counted.probe });
      expect(counted.stats.calls).toBe(1);
      expect(results[0].verdict).toBe('pass');
    } finally {
      db.close();
    }
  });

  it.skipIf(process.platform === 'win32')('kills an ffprobe that runs past its timeout, and does not cache that outcome', async () => {
    const dir = scratch();
    const hanging = path.join(dir, 'hanging-ffprobe');
    fs.writeFileSync(hanging, '#!/bin/sh\nexec sleep 30\n', { mode: 0o755 });
    expect(await runFfprobe(fixture('compliant.mp4'), { binary: hanging, timeoutMs: 100 })).toEqual({
      ok: false, reason: 'timeout', detail: 'ffprobe timed out after 0.1 s',
    });

    const [file] = copies(['compliant.mp4']);
    const timingOut = (f: string, o: ProbeOptions) => probeFile(f, { ...o, run: async () => ({ ok: false, reason: 'timeout', detail: 'ffprobe timed out after 30 s' }) });
    const db = openDatabase(databasePath(scratch()));
    try {
      const cache = new ProbeCache(db);
      const first = await checkFiles([file], { rules, cache, probe: timingOut });
      expect(first.results[0].violations).toEqual([{ code: 'MEDIA_TRUNCATED', limit: null, actual: 'ffprobe timed out after 30 s' }]);
      const counted = countingProbe();
      const second = await checkFiles([file], { rules, cache, probe: counted.probe });
      expect(counted.stats.calls).toBe(1);
      expect(second.results[0].verdict).toBe('pass');
    } finally {
      db.close();
    }
  });

  it('hashes with SHA-256 on request and keeps the hash in the cache', async () => {
    const files = copies(['compliant.mp4', 'empty.mp4']);
    const db = openDatabase(databasePath(scratch()));
    try {
      const cache = new ProbeCache(db);
      const { results } = await checkFiles(files, { rules, cache, hash: true });
      expect(results[0].sha256).toBe(await sha256File(files[0]));
      expect(results[1].sha256).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
      const stat = fs.statSync(files[0]);
      expect(cache.get(files[0], stat.size, stat.mtimeMs)?.sha256).toBe(results[0].sha256);
      const { results: again } = await checkFiles(files, { rules, cache });
      expect(again[0].sha256).toBeUndefined(); // only when asked
    } finally {
      db.close();
    }
  });

  it('runs no more probes at once than the concurrency limit, and returns results in input order', async () => {
    const files = Array.from({ length: 24 }, (_, i) => fixture(i % 2 ? 'photo.jpg' : 'compliant.mp4'));
    const slow = countingProbe(async (file, options) => {
      await new Promise((resolve) => setImmediate(resolve));
      return probeFile(file, options);
    });
    const { results } = await checkFiles(files, { rules, concurrency: 3, probe: slow.probe });
    expect(slow.stats.maxInFlight).toBe(3);
    expect(results.map((r) => path.basename(r.path))).toEqual(files.map((f) => path.basename(f)));
    const byDefault = countingProbe(slow.probe);
    await checkFiles(files, { rules, probe: byDefault.probe });
    expect(byDefault.stats.maxInFlight).toBe(Math.min(os.availableParallelism(), files.length));
  });

  it('reports progress after every file with counts and an ETA that reaches zero', async () => {
    const files = [fixture('compliant.mp4'), fixture('small.png'), fixture('empty.mp4'), fixture('photo.jpg')];
    const seen: { done: number; total: number; failed: number; unreadable: number; etaSeconds: number | null }[] = [];
    await checkFiles(files, { rules, concurrency: 1, onProgress: (p) => seen.push(p) });
    expect(seen.map((p) => p.done)).toEqual([1, 2, 3, 4]);
    expect(seen.every((p) => p.total === 4 && typeof p.etaSeconds === 'number' && p.etaSeconds >= 0)).toBe(true);
    expect(seen[3]).toMatchObject({ failed: 1, unreadable: 1, etaSeconds: 0, current: files[3] });
  });

  it('stops starting files when cancelled and returns what finished', async () => {
    const files = Array.from({ length: 10 }, () => fixture('photo.jpg'));
    const controller = new AbortController();
    const counted = countingProbe(async (file, options) => {
      const outcome = await probeFile(file, options);
      if (counted.stats.calls === 3) controller.abort();
      return outcome;
    });
    const { results, cancelled } = await checkFiles(files, { rules, concurrency: 1, signal: controller.signal, probe: counted.probe });
    expect(cancelled).toBe(true);
    expect(results).toHaveLength(3);
    expect(counted.stats.calls).toBe(3);
    const before = await checkFiles(files, { rules, signal: AbortSignal.abort() });
    expect(before).toEqual({ results: [], cancelled: true });
  });

  it('kills a running ffprobe when cancelled', async () => {
    const controller = new AbortController();
    const running = runFfprobe(fixture('too-long.mp4'), { signal: controller.signal });
    controller.abort();
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
    const files = Array.from({ length: 8 }, () => fixture('compliant.mp4'));
    const cancel = new AbortController();
    const { results, cancelled } = await checkFiles(files, { rules, concurrency: 2, signal: cancel.signal, onProgress: () => cancel.abort() });
    expect(cancelled).toBe(true);
    expect(results.length).toBeGreaterThanOrEqual(1);
    expect(results.length).toBeLessThan(files.length);
  });
});
