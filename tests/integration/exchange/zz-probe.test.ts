import fs from 'node:fs';
import { it } from 'vitest';
import { writePackage } from '../../../src-main/core/exchange/package-write';
import { openPackage } from '../../../src-main/core/exchange/package-open';
import { generateIdentity } from '../../../src-main/core/keys/identity';
import { packageManifest, sampleMedia } from './samples';
it('probe', async () => {
  for (let round = 0; round < 8; round++) {
  const c = generateIdentity();
  const media = await sampleMedia(['article.txt', 'text-renamed.mp4']);
  const file = '/tmp/kepu-exchange/p.kepupkg';
  await writePackage(packageManifest(c, media, true), media.map((m) => ({ sha256: m.sha256, path: m.path })), file, c.privateKey);
  const b = fs.readFileSync(file);
  console.log('size', b.length);
  for (let i = 0; i < b.length; i++) for (const mask of [1, 0x80]) {
    const t = Buffer.from(b); t[i] ^= mask; fs.writeFileSync('/tmp/kepu-exchange/t.kepupkg', t);
    const dir = fs.mkdtempSync('/tmp/kepu-exchange/x');
    try { await openPackage('/tmp/kepu-exchange/t.kepupkg', { targetDir: dir }); console.log('ACCEPTED', i, mask); } catch {}
    fs.rmSync(dir, { recursive: true, force: true });
  }
  }
}, 900000);
