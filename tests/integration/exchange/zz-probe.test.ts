import fs from 'node:fs';
import zlib from 'node:zlib';
import { it } from 'vitest';
import { writePackage } from '../../../src-main/core/exchange/package-write';
import { openPackage } from '../../../src-main/core/exchange/package-open';
import { generateIdentity } from '../../../src-main/core/keys/identity';
import { packageManifest, sampleMedia } from './samples';
it('probe', async () => {
  for (let round = 0; round < 6; round++) {
  const c = generateIdentity();
  const media = await sampleMedia(['article.txt', 'text-renamed.mp4']);
  const file = '/tmp/kepu-exchange/p.kepupkg';
  await writePackage(packageManifest(c, media, true), media.map((m) => ({ sha256: m.sha256, path: m.path })), file, c.privateKey);
  const b = fs.readFileSync(file);
  const csize = b.readUInt32LE(18);
  console.log('size', b.length, 'manifest data', 30 + 13, 'to', 30 + 13 + csize);
  for (let i = 0; i < b.length; i++) {
    const t = Buffer.from(b); t[i] ^= 1; fs.writeFileSync('/tmp/kepu-exchange/t.kepupkg', t);
    const dir = fs.mkdtempSync('/tmp/kepu-exchange/x');
    try { await openPackage('/tmp/kepu-exchange/t.kepupkg', { targetDir: dir }); 
      const a = zlib.inflateRawSync(b.subarray(43, 43 + csize)); const z = zlib.inflateRawSync(t.subarray(43, 43 + csize));
      console.log('ACCEPTED', i, 'same inflate', a.equals(z), a.length, z.length); } catch {}
    fs.rmSync(dir, { recursive: true, force: true });
  }
  }
}, 600000);
