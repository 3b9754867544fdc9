// Red-team retry of issue 11 items 4 and 10 with spellings the existing tests do not use:
// the database named through a relative path, ".." segments, a doubled separator, a symlink to
// kepu.sqlite-shm planted in a media folder and a symlinked data folder; signed bundle payloads
// with constructor/prototype keys, duplicate keys and \u escapes (valid JSON, not canonical).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CampaignSummary, MediaLinkJob } from '../../../src-main/contract';
import { readBundle } from '../../../src-main/core/exchange/bundle';
import { canonicalJson } from '../../../src-main/core/files/canonical-json';
import { encodeEnvelope, signEnvelope } from '../../../src-main/core/exchange/dsse';
import { generateIdentity } from '../../../src-main/core/keys/identity';
import { isKepuError } from '../../../src-main/core/errors';
import { bundlePayload } from '../exchange/samples';
import { ok, openTestApp, tempDir, finishedJob } from '../../helpers';

describe('the database under other spellings', () => {
  it('package:open and certificates:setImage refuse relative, "..", doubled-separator and symlinked spellings', async () => {
    const app = openTestApp();
    const campaign = await ok<CampaignSummary>(app.dispatch('campaign:create', { templateId: 'sichuan-influence-2023' }));
    const db = path.join(app.dataDir, 'kepu.sqlite');
    const linkedData = path.join(tempDir(), 'data-link');
    fs.symlinkSync(app.dataDir, linkedData);
    const spellings = [
      path.relative(process.cwd(), db),
      path.join(app.dataDir, 'keys', '..', 'kepu.sqlite-shm'),
      `${app.dataDir}${path.sep}${path.sep}kepu.sqlite-wal`,
      `${app.dataDir}${path.sep}.${path.sep}kepu.sqlite`,
      path.join(linkedData, 'kepu.sqlite-shm'),
      path.join(linkedData, 'keys'),
    ];
    await ok(app.dispatch('identity:create', { name: '协调员', passphrase: 'correct horse battery' }));
    for (const file of spellings) {
      for (const [channel, request] of [['package:open', { path: file }], ['certificates:setImage', { campaignId: campaign.id, role: 'seal', path: file }]] as const) {
        const result = await app.dispatch(channel, request);
        expect(result, `${channel} ${file}`).toMatchObject({ ok: false, error: { code: 'PATH_IS_APP_DATA' } });
      }
    }
    app.ctx.close();
  });

  it('media:link of a folder holding a symlink to kepu.sqlite-shm never links or opens it', async () => {
    const app = openTestApp();
    const campaign = await ok<CampaignSummary>(app.dispatch('campaign:create', { templateId: 'sichuan-influence-2023' }));
    const folder = tempDir();
    fs.symlinkSync(path.join(app.dataDir, 'kepu.sqlite-shm'), path.join(folder, 'SC2023-000001.mp4'));
    fs.symlinkSync(path.join(app.dataDir, 'kepu.sqlite'), path.join(folder, 'SC2023-000002.jpg'));
    const status = await finishedJob(app.dispatch, await ok<MediaLinkJob>(app.dispatch('media:link', { campaignId: campaign.id, folder })));
    expect(status.state).toBe('done');
    expect(app.ctx.db.prepare('SELECT count(*) FROM assets').pluck().get()).toBe(0);
    expect(app.ctx.db.prepare("SELECT count(*) FROM probe_results WHERE path LIKE '%SC2023%'").pluck().get()).toBe(0);
    app.ctx.close();
  });
});

describe('signed bundle payloads that are valid JSON but not what the app writes', () => {
  const judge = generateIdentity();
  const sign = (text: string) => encodeEnvelope(signEnvelope('application/vnd.kepu.bundle+json', Buffer.from(text, 'utf8'), judge.privateKey, judge.keyId));
  const codeOf = (bytes: Buffer) => {
    try {
      readBundle(bytes);
      return 'accepted';
    } catch (error) {
      return isKepuError(error) ? error.code : `uncoded: ${(error as Error).message}`;
    }
  };
  const canonical = canonicalJson(bundlePayload(judge));

  it('the canonical sample itself is accepted (control)', () => {
    expect(codeOf(sign(canonical))).toBe('accepted');
  });

  const variants: [string, string][] = [
    ['a "constructor" key in scores', canonical.replace('"scores":{', '"scores":{"constructor":1,')],
    ['a "constructor" key at the top', canonical.replace('{"campaignId"', '{"constructor":{},"campaignId"')],
    ['a duplicate key (last wins in JSON.parse)', canonical.replace('"revision":3', '"revision":1,"revision":3')],
    ['a \\u escape for a plain letter', canonical.replace('"kind":"kepu.bundle"', '"kind":"kepu.bundl\\u0065"')],
    ['a \\u escape for a CJK character', canonical.replace('内容扎实', '\\u5185容扎实')],
    ['an escaped slash', canonical.replace('"createdAt":"2023-12-26T02:00:00.000Z"', '"createdAt":"2023-12-26T02:00:00.000Z"').replace('"packageId":"pkg-2023-judge-1"', '"packageId":"pkg-2023\\/judge-1"')],
    ['a number as 8.0', canonical.replace('"content":8', '"content":8.0')],
    ['a number as 8e0', canonical.replace('"content":8', '"content":8e0')],
    ['a trailing newline', `${canonical}\n`],
    ['a leading space', ` ${canonical}`],
  ];
  for (const [name, text] of variants) {
    it(`refuses ${name} with a code`, () => {
      expect(text).not.toBe(canonical);
      const code = codeOf(sign(text));
      expect(code).toMatch(/^BUNDLE_/);
    });
  }

  it('reads a "prototype" key in eligibility as plain data (the merge refuses it as an unknown item)', () => {
    const text = canonical.replace('"eligibility":{}', '"eligibility":{"prototype":{"answer":"yes","note":""}}');
    const read = readBundle(sign(text));
    expect(Object.getPrototypeOf(read.payload.entries[1].eligibility)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).answer).toBeUndefined();
  });

  // docs/formats.md promises RFC 8785 canonical JSON, which takes only I-JSON (RFC 7493: no lone
  // surrogates). "\ud800" survives JSON.parse and re-serialises to the same bytes; SQLite would then
  // store U+FFFD in its place, so the stored comment would not be what was signed.
  it('refuses a lone surrogate escape (not I-JSON) with a code', () => {
    const text = canonical.replace('内容扎实', '\\ud800内容扎实');
    expect(codeOf(sign(text))).toMatch(/^BUNDLE_/);
  });
});
