// What docs/formats.md promises about signed payloads and the package container, held against files
// that are properly signed but not in the form Kepu Review writes (issue 11): a "__proto__" key
// that zod would drop without a word, a byte order mark, whitespace or unsorted keys, a manifest
// that is not the first ZIP member. Each is refused with a code, by the same readers the app uses.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CampaignSummary } from '../../../src-main/contract';
import { BUNDLE_PAYLOAD_TYPE, readBundle, verifyBundle } from '../../../src-main/core/exchange/bundle';
import { canonicalJson } from '../../../src-main/core/files/canonical-json';
import { encodeEnvelope, signEnvelope } from '../../../src-main/core/exchange/dsse';
import { mediaMemberName, PACKAGE_PAYLOAD_TYPE } from '../../../src-main/core/exchange/package-manifest';
import { openPackage } from '../../../src-main/core/exchange/package-open';
import { generateIdentity, type Identity } from '../../../src-main/core/keys/identity';
import { createKeyCard, KEYCARD_PAYLOAD_TYPE, readKeyCard } from '../../../src-main/core/keys/key-card';
import { exchangeBundleReader, mergeBundleFiles } from '../../../src-main/core/merge/merge-bundles';
import { openTestApp, tempDir } from '../../helpers';
import { craftZip } from './craft-zip';
import { bundlePayload, packageManifest, refusal, refusalAsync, sampleMedia } from './samples';

const judge = generateIdentity();
const coordinator = generateIdentity();
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** A properly signed envelope around exactly these payload bytes. */
function signed(payloadType: string, payload: Buffer, signer: Identity): Buffer {
  return encodeEnvelope(signEnvelope(payloadType, payload, signer.privateKey, signer.keyId));
}

/** The canonical payload text with a "__proto__" score slipped in where sorting puts it. */
function withProtoScore(value: string): Buffer {
  const text = canonicalJson(bundlePayload(judge));
  const marked = text.replace('"scores":{"communication"', `"scores":{"__proto__":${value},"communication"`);
  expect(marked).not.toBe(text);
  return Buffer.from(marked, 'utf8');
}

describe('signed bundle payloads', () => {
  it('refuse a "__proto__" key inside scores instead of silently dropping it, naming where it is', () => {
    for (const value of ['7', '{"content":10}']) {
      const bytes = signed(BUNDLE_PAYLOAD_TYPE, withProtoScore(value), judge);
      const error = refusal(() => readBundle(bytes));
      expect(error.code).toBe('BUNDLE_RESERVED_KEY');
      expect(error.params.path).toBe('payload.entries.0.scores.__proto__');
    }
  });

  it('refuse a payload with a byte order mark, whitespace, unsorted or repeated keys, though the signature verifies', () => {
    const payload = bundlePayload(judge);
    const canonical = canonicalJson(payload);
    const variants: Record<string, Buffer> = {
      bom: Buffer.concat([BOM, Buffer.from(canonical)]),
      indented: Buffer.from(JSON.stringify(JSON.parse(canonical), null, 2)),
      unsorted: Buffer.from(JSON.stringify(payload)),
      repeatedKey: Buffer.from(canonical.replace('{"campaignId"', '{"campaignId":"other","campaignId"')),
      trailingNewline: Buffer.from(`${canonical}\n`),
      numberSpelling: Buffer.from(canonical.replace('"content":8,', '"content":8.0,')),
    };
    for (const [name, bytes] of Object.entries(variants)) {
      expect(bytes.equals(Buffer.from(canonical)), name).toBe(false);
      const envelope = signed(BUNDLE_PAYLOAD_TYPE, bytes, judge);
      const error = refusal(() => verifyBundle(readBundle(envelope), judge.publicKey));
      expect(error.code, name).toBe('BUNDLE_NOT_CANONICAL');
      expect(error.params.path, name).toBe('payload');
    }
    // The canonical bytes themselves, signed the same way, are accepted: the refusals are about form.
    expect(() => verifyBundle(readBundle(signed(BUNDLE_PAYLOAD_TYPE, Buffer.from(canonical), judge)), judge.publicKey)).not.toThrow();
  });

  it('are refused by the merge with the code, and nothing is merged', async () => {
    const app = openTestApp();
    const works = ((await app.dispatch('demo:load', {})) as { value: CampaignSummary }).value;
    const before = app.ctx.db.prepare('SELECT count(*) FROM scores').pluck().get();
    const outcomes = await mergeBundleFiles({ ...app.ctx, reader: exchangeBundleReader() }, works.id, [
      { fileName: 'proto.kepubundle', bytes: signed(BUNDLE_PAYLOAD_TYPE, withProtoScore('7'), judge) },
      { fileName: 'bom.kepubundle', bytes: signed(BUNDLE_PAYLOAD_TYPE, Buffer.concat([BOM, Buffer.from(canonicalJson(bundlePayload(judge)))]), judge) },
    ]);
    expect(outcomes).toEqual([
      expect.objectContaining({ status: 'rejected', code: 'BUNDLE_RESERVED_KEY', params: expect.objectContaining({ file: 'proto.kepubundle' }) }),
      expect.objectContaining({ status: 'rejected', code: 'BUNDLE_NOT_CANONICAL', params: expect.objectContaining({ file: 'bom.kepubundle' }) }),
    ]);
    expect(app.ctx.db.prepare('SELECT count(*) FROM scores').pluck().get()).toBe(before);
    app.ctx.close();
  });
});

describe('signed key cards and package manifests', () => {
  it('refuse a key card whose payload is not canonical', () => {
    const payload = Buffer.from((JSON.parse(createKeyCard(judge.privateKey, { name: '王评委', institution: null }).toString()) as { payload: string }).payload, 'base64');
    expect(() => readKeyCard(signed(KEYCARD_PAYLOAD_TYPE, payload, judge))).not.toThrow();
    const error = refusal(() => readKeyCard(signed(KEYCARD_PAYLOAD_TYPE, Buffer.concat([BOM, payload]), judge)));
    expect(error.code).toBe('KEYCARD_INVALID');
    expect(error.message).toMatch(/byte order mark/);
  });

  async function openCrafted(members: { name: string; data: Buffer }[]) {
    const dir = tempDir();
    const file = path.join(dir, 'crafted.kepupkg');
    fs.writeFileSync(file, craftZip(members));
    const target = path.join(dir, 'target');
    const error = await refusalAsync(() => openPackage(file, { targetDir: target }));
    return { error, left: fs.existsSync(target) ? fs.readdirSync(target) : [] };
  }

  it('refuse a package whose manifest payload has a byte order mark or is not canonical', async () => {
    const manifest = packageManifest(coordinator, await sampleMedia(['article.txt']), false);
    for (const payload of [Buffer.concat([BOM, Buffer.from(canonicalJson(manifest))]), Buffer.from(JSON.stringify(manifest))]) {
      const { error, left } = await openCrafted([{ name: 'manifest.json', data: signed(PACKAGE_PAYLOAD_TYPE, payload, coordinator) }]);
      expect(error.code).toBe('PACKAGE_MALFORMED');
      expect(error.params.detail).toMatch(/byte order mark|canonical/);
      expect(left).toEqual([]);
    }
  });

  it('refuse a package whose manifest is not the first member, as the ZIP profile says', async () => {
    const [article] = await sampleMedia(['article.txt']);
    const manifest = signed(PACKAGE_PAYLOAD_TYPE, Buffer.from(canonicalJson(packageManifest(coordinator, [article], true))), coordinator);
    const media = { name: mediaMemberName(article.sha256, article.fileName), data: fs.readFileSync(article.path) };
    const { error, left } = await openCrafted([media, { name: 'manifest.json', data: manifest }]);
    expect(error.code).toBe('PACKAGE_MALFORMED');
    expect(error.params.detail).toMatch(/first member/);
    expect(left).toEqual([]);
    // The same two members in the documented order open.
    const dir = tempDir();
    const file = path.join(dir, 'ordered.kepupkg');
    fs.writeFileSync(file, craftZip([{ name: 'manifest.json', data: manifest }, media]));
    const opened = await openPackage(file, { targetDir: path.join(dir, 'target') });
    expect(opened.media.map((m) => m.sha256)).toEqual([crypto.createHash('sha256').update(media.data).digest('hex')]);
  });
});
