import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KepuError } from '../../../src-main/core/errors';
import { BUNDLE_PAYLOAD_TYPE, readBundle, readBundleFile, verifyBundle, writeBundle } from '../../../src-main/core/exchange/bundle';
import { canonicalJsonBytes } from '../../../src-main/core/files/canonical-json';
import { encodeEnvelope, signEnvelope } from '../../../src-main/core/exchange/dsse';
import { generateIdentity } from '../../../src-main/core/keys/identity';
import { tempDir } from '../../helpers';
import { bundlePayload, refusal } from './samples';

/** Read and verify as the coordinator does; the code of the refusal, or 'accepted'. */
function check(bytes: Buffer, publicKey: crypto.KeyObject): string {
  try {
    verifyBundle(readBundle(bytes), publicKey);
    return 'accepted';
  } catch (error) {
    if (error instanceof KepuError) return error.code;
    throw error;
  }
}

describe('result bundles', () => {
  const judge = generateIdentity();

  it('round-trip: what the judge signs is what the coordinator reads, signed by the judge', () => {
    const payload = bundlePayload(judge);
    const bytes = writeBundle(payload, judge.privateKey);
    const read = readBundle(bytes);
    expect(read.payload).toEqual(payload);
    expect(read.keyId).toBe(judge.keyId);
    expect(read.envelope.payloadType).toBe(BUNDLE_PAYLOAD_TYPE);
    expect(read.sha256).toBe(crypto.createHash('sha256').update(bytes).digest('hex'));
    expect(() => verifyBundle(read, judge.publicKey)).not.toThrow();
  });

  it('are one line of canonical JSON, the same bytes for the same content', () => {
    const a = writeBundle(bundlePayload(judge), judge.privateKey);
    const b = writeBundle(JSON.parse(JSON.stringify(bundlePayload(judge))), judge.privateKey);
    expect(a.equals(b)).toBe(true);
    expect(a.includes(0x0a)).toBe(false);
  });

  it('are rejected when any single byte of the file is changed', () => {
    const bytes = writeBundle(bundlePayload(judge), judge.privateKey);
    const accepted: number[] = [];
    for (let i = 0; i < bytes.length; i++) {
      for (const mask of [0x01, 0x20, 0x80]) {
        const tampered = Buffer.from(bytes);
        tampered[i] ^= mask;
        if (check(tampered, judge.publicKey) === 'accepted') accepted.push(i);
      }
    }
    expect(bytes.length).toBeGreaterThan(500);
    expect(accepted).toEqual([]);
  });

  it('are rejected with a distinct code for each kind of damage', () => {
    const bytes = writeBundle(bundlePayload(judge), judge.privateKey);
    const payloadStart = bytes.indexOf('"payload":"') + 20;
    const flipped = Buffer.from(bytes);
    flipped[payloadStart] = flipped[payloadStart] === 0x41 ? 0x42 : 0x41;
    expect(check(flipped, judge.publicKey)).toBe('BUNDLE_MALFORMED'); // a changed payload no longer parses…
    expect(check(bytes.subarray(0, bytes.length - 10), judge.publicKey)).toBe('BUNDLE_MALFORMED');
    expect(check(Buffer.from('PK\u0003\u0004 not json'), judge.publicKey)).toBe('BUNDLE_MALFORMED');
    expect(check(bytes, generateIdentity().publicKey)).toBe('BUNDLE_SIGNATURE_INVALID');
    // A score changed in the payload, the judge's signature kept: well-formed, but not signed.
    const read = readBundle(bytes);
    const raised = { ...read.payload, entries: read.payload.entries.map((e) => ({ ...e, scores: { ...e.scores, content: 10 } })) };
    const altered = encodeEnvelope({ ...read.envelope, payload: canonicalJsonBytes(raised).toString('base64') });
    expect(check(altered, judge.publicKey)).toBe('BUNDLE_SIGNATURE_INVALID');
  });

  it('report the failing path of a payload that does not fit the schema', () => {
    const payload = { ...bundlePayload(judge), revision: 0 };
    const bytes = encodeEnvelope(signEnvelope(BUNDLE_PAYLOAD_TYPE, canonicalJsonBytes(payload), judge.privateKey, judge.keyId));
    const error = refusal(() => readBundle(bytes));
    expect(error.code).toBe('BUNDLE_MALFORMED');
    expect(error.params.path).toBe('payload.revision');
    const badScore = bundlePayload(judge);
    (badScore.entries[0].scores as Record<string, unknown>).content = 'eight';
    const bytes2 = encodeEnvelope(signEnvelope(BUNDLE_PAYLOAD_TYPE, canonicalJsonBytes(badScore), judge.privateKey, judge.keyId));
    expect(refusal(() => readBundle(bytes2)).params.path).toBe('payload.entries.0.scores.content');
  });

  it('detect a signature by another key even when the payload is intact (a changed payload would fail anyway)', () => {
    const other = generateIdentity();
    // A payload claiming to be the judge's, signed by someone else.
    const forged = encodeEnvelope(signEnvelope(BUNDLE_PAYLOAD_TYPE, canonicalJsonBytes(bundlePayload(judge)), other.privateKey, judge.keyId));
    expect(check(forged, judge.publicKey)).toBe('BUNDLE_SIGNATURE_INVALID');
  });

  it('refuse an envelope holding another kind of document with BUNDLE_WRONG_TYPE', () => {
    const card = encodeEnvelope(signEnvelope('application/vnd.kepu.keycard+json', Buffer.from('{}'), judge.privateKey, judge.keyId));
    const error = refusal(() => readBundle(card));
    expect(error.code).toBe('BUNDLE_WRONG_TYPE');
    expect(error.params.payloadType).toBe('application/vnd.kepu.keycard+json');
  });

  it('refuse an entry listed twice', () => {
    const payload = bundlePayload(judge);
    payload.entries[1].entryId = payload.entries[0].entryId;
    expect(() => writeBundle(payload, judge.privateKey)).toThrow(/appears twice/);
  });

  it('cannot be written under another judge key id than the signing key', () => {
    expect(() => writeBundle(bundlePayload(generateIdentity()), judge.privateKey)).toThrow(/not the signing key/);
  });

  it('read from a file the same as from bytes', () => {
    const file = path.join(tempDir(), 'judge-1.kepubundle');
    fs.writeFileSync(file, writeBundle(bundlePayload(judge), judge.privateKey));
    expect(readBundleFile(file).keyId).toBe(judge.keyId);
    expect(refusal(() => readBundleFile(path.join(path.dirname(file), 'missing.kepubundle'))).code).toBe('BUNDLE_UNREADABLE');
  });

  it('refuse 2 GB of junk by its size, before reading any of it', () => {
    const file = path.join(tempDir(), 'junk.kepubundle');
    const fd = fs.openSync(file, 'w');
    fs.ftruncateSync(fd, 2 * 1024 ** 3); // sparse: no disk space, no memory
    fs.closeSync(fd);
    const error = refusal(() => readBundleFile(file));
    expect(error.code).toBe('BUNDLE_TOO_LARGE');
    expect(error.params).toEqual({ size: 2 * 1024 ** 3, limit: 64 * 1024 * 1024 });
    fs.rmSync(file);
  });

  it('apply a smaller size limit when the caller asks for one', () => {
    const bytes = writeBundle(bundlePayload(judge), judge.privateKey);
    expect(refusal(() => readBundle(bytes, { maxBytes: bytes.length - 1 })).code).toBe('BUNDLE_TOO_LARGE');
    expect(readBundle(bytes, { maxBytes: bytes.length }).keyId).toBe(judge.keyId);
  });

  it('stay rejected for a few hundred random flips of a bundle with many entries', () => {
    const many = bundlePayload(judge, {
      entries: Array.from({ length: 400 }, (_, i) => ({ ...bundlePayload(judge).entries[0], entryId: 1000 + i, regNo: `SC-${1000 + i}` })),
    });
    const bytes = writeBundle(many, judge.privateKey);
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 300; n++) {
      const i = Math.floor(random() * bytes.length);
      const tampered = Buffer.from(bytes);
      tampered[i] ^= 1 + Math.floor(random() * 255);
      expect(check(tampered, judge.publicKey), `byte ${i}`).not.toBe('accepted');
    }
  });
});
