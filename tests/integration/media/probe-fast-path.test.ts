// The probe's fast path (core/media/fast-probe.ts) against ffprobe, file by file: every media
// fixture and sample file, plus pictures and videos made here with ffmpeg in the shapes the fast
// path claims (GIF, WebP, a .jpeg) and in shapes it must leave to ffprobe (fragmented MP4, APNG,
// a small JPEG, an extended WebP, Matroska). Where the fast path answers, its facts must be
// ffprobe's exactly; where it does not, the outcome is ffprobe's anyway.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fastFacts } from '../../../src-main/core/media/fast-probe';
import { probeFile } from '../../../src-main/core/media/probe';
import { repoRoot, tempDir } from '../../helpers';

const fixtureFiles = [
  ...fs.readdirSync(path.join(repoRoot, 'tests/fixtures/media')).map((f) => path.join(repoRoot, 'tests/fixtures/media', f)),
  ...fs.readdirSync(path.join(repoRoot, 'resources/sample')).map((f) => path.join(repoRoot, 'resources/sample', f)),
].sort();

/** The files the fast path must read itself (not leave to ffprobe): the common, intact ones. */
const FAST = [
  'audio-only.mp4', 'compliant.mp4', 'photo.jpg', 'png-renamed.jpg', 'quicktime.mov', 'rotated-phone.mp4', 'small.png',
  'too-long.mp4', 'unplayable-codecs.mp4', 'video-handwashing.mp4', 'video-heart.mp4', 'video-sleep.mp4', 'cartoon-flu-1.jpg',
];

async function compare(file: string): Promise<{ fast: boolean }> {
  const size = fs.statSync(file).size;
  const fast = size > 0 ? await fastFacts(file, size) : null;
  const viaFfprobe = await probeFile(file, { fastPath: false });
  const chosen = await probeFile(file);
  expect(chosen, path.basename(file)).toEqual(viaFfprobe);
  if (fast) expect(viaFfprobe, path.basename(file)).toEqual({ ok: true, facts: fast });
  return { fast: fast !== null };
}

describe('probe fast path', () => {
  it('reports the same facts as ffprobe for every fixture and sample file', async () => {
    const read: string[] = [];
    for (const file of fixtureFiles) if ((await compare(file)).fast) read.push(path.basename(file));
    for (const name of FAST) expect(read, name).toContain(name);
    // Damaged or foreign files are ffprobe's to judge.
    for (const name of ['truncated.mp4', 'text-renamed.mp4', 'webm-renamed.mp4', 'article.txt', 'empty.mp4']) expect(read).not.toContain(name);
  });

  const ffmpeg = spawnSync('ffmpeg', ['-version']).status === 0;
  it.skipIf(!ffmpeg)('agrees with ffprobe on files made with ffmpeg, and leaves the odd ones to it', async () => {
    const dir = tempDir('kepu-fast-probe-');
    const ff = (...args: string[]) => execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args], { stdio: 'pipe' });
    const picture = ['-f', 'lavfi', '-i', 'testsrc=size=200x120:rate=1', '-frames:v', '1'];
    const clip = ['-f', 'lavfi', '-i', 'testsrc=size=96x64:rate=10', '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000', '-t', '1'];
    const made: Record<string, string[]> = {
      'still.gif': [...picture],
      'lossy.webp': [...picture, '-c:v', 'libwebp', '-lossless', '0'],
      'lossless.webp': [...picture, '-c:v', 'libwebp', '-lossless', '1'],
      'big.jpeg': ['-f', 'lavfi', '-i', 'testsrc=size=640x480:rate=1', '-frames:v', '1', '-q:v', '2'],
      'tiny.jpg': ['-f', 'lavfi', '-i', 'color=c=red:size=16x16', '-frames:v', '1'],
      'animated.png': ['-f', 'lavfi', '-i', 'testsrc=size=64x48:rate=5', '-t', '1', '-f', 'apng', '-plays', '0'],
      'fragmented.mp4': [...clip, '-c:v', 'libx264', '-c:a', 'aac', '-movflags', 'frag_keyframe+empty_moov'],
      'faststart.mp4': [...clip, '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-movflags', '+faststart'],
      'hevc.mp4': [...clip, '-c:v', 'libx265', '-tag:v', 'hvc1', '-c:a', 'aac'],
      'mp3-audio.mov': ['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=44100', '-t', '2', '-c:a', 'libmp3lame'],
      'clip.m4v': [...clip, '-c:v', 'libx264', '-c:a', 'aac', '-f', 'mp4'],
      'clip.mkv': [...clip, '-c:v', 'libx264', '-c:a', 'aac'],
    };
    const read: string[] = [];
    for (const [name, args] of Object.entries(made)) {
      const file = path.join(dir, name);
      try {
        ff(...args, file);
      } catch {
        continue; // this ffmpeg lacks the encoder: nothing to compare
      }
      if ((await compare(file)).fast) read.push(name);
    }
    for (const name of ['fragmented.mp4', 'tiny.jpg', 'animated.png', 'clip.mkv']) expect(read, name).not.toContain(name);
    for (const name of ['still.gif', 'big.jpeg', 'faststart.mp4', 'clip.m4v']) expect(read, name).toContain(name);
  });
});
