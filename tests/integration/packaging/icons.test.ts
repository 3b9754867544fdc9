// The installer icons (issue 21): scripts/icons.mjs renders resources/icon.svg and writes the ICO
// and ICNS containers by hand. Here the real script runs into a temporary folder and its files are
// read back with a parser of our own: headers, entry tables, lengths, and every embedded PNG
// decodes (pngjs) at the size its entry states.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../helpers';
import { tempDir } from '../../temp-dirs';

let out = '';
beforeAll(() => {
  out = tempDir('kepu-icons-');
  execFileSync(process.execPath, [path.join(repoRoot, 'scripts', 'icons.mjs'), '--out', out], { cwd: repoRoot, stdio: 'pipe' });
});

function decodedSize(png: Buffer): [number, number] {
  const image = PNG.sync.read(png);
  return [image.width, image.height];
}

/** Whether the picture has something drawn on it: more than one distinct colour among its opaque pixels. */
function colours(png: Buffer): number {
  const { data } = PNG.sync.read(png);
  const seen = new Set<number>();
  for (let i = 0; i < data.length; i += 4) if (data[i + 3] === 255) seen.add(data.readUInt32BE(i));
  return seen.size;
}

describe('icons', () => {
  it('renders PNGs from 16 to 1024 px, the glyph drawn (not only the background)', () => {
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
      expect(decodedSize(fs.readFileSync(path.join(out, 'icons', `${size}x${size}.png`)))).toEqual([size, size]);
    }
    expect(decodedSize(fs.readFileSync(path.join(out, 'icon.png')))).toEqual([1024, 1024]);
    // Background green, white glyph, and anti-aliased edges between: far more than two colours.
    expect(colours(fs.readFileSync(path.join(out, 'icons', '256x256.png')))).toBeGreaterThan(10);
  });

  it('writes an ICO whose entries are PNGs of the sizes its directory states', () => {
    const ico = fs.readFileSync(path.join(out, 'icon.ico'));
    expect(ico.readUInt16LE(0)).toBe(0); // reserved
    expect(ico.readUInt16LE(2)).toBe(1); // icon
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    let end = 6 + 16 * count;
    for (let i = 0; i < count; i += 1) {
      const at = 6 + 16 * i;
      const stated = ico.readUInt8(at) || 256;
      expect(ico.readUInt8(at + 1) || 256).toBe(stated);
      expect(ico.readUInt16LE(at + 4)).toBe(1); // planes
      expect(ico.readUInt16LE(at + 6)).toBe(32); // bits per pixel
      const length = ico.readUInt32LE(at + 8);
      const offset = ico.readUInt32LE(at + 12);
      expect(offset).toBe(end); // images follow one another, none overlapping
      end = offset + length;
      const png = ico.subarray(offset, offset + length);
      expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
      expect(decodedSize(png)).toEqual([stated, stated]);
      sizes.push(stated);
    }
    expect(end).toBe(ico.length);
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256]);
  });

  it('writes an ICNS whose typed entries are PNGs of the size each type means', () => {
    const icns = fs.readFileSync(path.join(out, 'icon.icns'));
    expect(icns.toString('latin1', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const pixels: Record<string, number> = { ic07: 128, ic08: 256, ic09: 512, ic10: 1024, ic11: 32, ic12: 64, ic13: 256, ic14: 512 };
    const found: string[] = [];
    for (let at = 8; at < icns.length; ) {
      const type = icns.toString('latin1', at, at + 4);
      const length = icns.readUInt32BE(at + 4);
      expect(length).toBeGreaterThan(8);
      const size = pixels[type];
      expect(size, `unknown entry ${type}`).toBeDefined();
      expect(decodedSize(icns.subarray(at + 8, at + length))).toEqual([size, size]);
      found.push(type);
      at += length;
    }
    expect(found.sort()).toEqual(Object.keys(pixels).sort());
  });
});
