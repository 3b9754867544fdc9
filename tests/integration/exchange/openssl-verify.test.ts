import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBundle, writeBundle } from '../../../src-main/core/exchange/bundle';
import { canonicalJsonBytes } from '../../../src-main/core/files/canonical-json';
import { encodeEnvelope } from '../../../src-main/core/exchange/dsse';
import { generateIdentity, publicKeyToPem } from '../../../src-main/core/keys/identity';
import { repoRoot, tempDir } from '../../helpers';
import { bundlePayload } from './samples';

const script = path.join(repoRoot, 'docs', 'verify-bundle.sh');

function verifyWithOpenssl(bundle: Buffer, pem: string) {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'judge.kepubundle'), bundle);
  fs.writeFileSync(path.join(dir, 'judge.pem'), pem);
  const run = spawnSync('bash', [script, path.join(dir, 'judge.kepubundle'), path.join(dir, 'judge.pem')], { encoding: 'utf8' });
  return { status: run.status, out: `${run.stdout}${run.stderr}` };
}

describe('verifying a bundle with openssl alone (docs/verify-bundle.sh)', () => {
  const judge = generateIdentity();
  const pem = publicKeyToPem(judge.publicKey);

  it('verifies a real bundle under the judge key', () => {
    const result = verifyWithOpenssl(writeBundle(bundlePayload(judge), judge.privateKey), pem);
    expect(result.out).toContain('Signature Verified Successfully');
    expect(result.status).toBe(0);
  });

  it('fails for a bundle whose payload was changed after signing', () => {
    const bytes = writeBundle(bundlePayload(judge), judge.privateKey);
    const read = readBundle(bytes);
    const raised = { ...read.payload, entries: read.payload.entries.map((e) => ({ ...e, scores: { ...e.scores, content: 10 } })) };
    const tampered = encodeEnvelope({ ...read.envelope, payload: canonicalJsonBytes(raised).toString('base64') });
    const result = verifyWithOpenssl(tampered, pem);
    expect(result.out).toContain('Signature Verification Failure');
    expect(result.status).not.toBe(0);
  });

  it('fails for a flipped signature byte and for another judge key', () => {
    const bytes = writeBundle(bundlePayload(judge), judge.privateKey);
    const at = bytes.indexOf('"sig":"') + 10;
    const flipped = Buffer.from(bytes);
    flipped[at] = flipped[at] === 0x41 ? 0x42 : 0x41;
    expect(verifyWithOpenssl(flipped, pem).status).not.toBe(0);
    const other = verifyWithOpenssl(bytes, publicKeyToPem(generateIdentity().publicKey));
    expect(other.status).not.toBe(0);
    expect(other.out).toMatch(/names key/);
  });

  it('refuses a file that is not a result bundle', () => {
    const result = verifyWithOpenssl(Buffer.from('{"hello":"world"}'), pem);
    expect(result.status).toBe(2);
    expect(result.out).toMatch(/not a Kepu result bundle/);
  });
});
