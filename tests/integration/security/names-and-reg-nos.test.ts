// Red-team retry of issue 11 item 6 beyond registration numbers: the names that identify people
// (a judge created on this machine, the name inside a judge's key card that the coordinator
// registers) took bidirectional controls unchecked, so "Zhang Wei" could be shown by a card that
// holds "\u202EieW gnahZ"-style text, in the judge list, merge reports and exports. Identifiers of
// people refuse them like registration numbers do. Also registration numbers spelled with
// zero-width, full-width and look-alike letters.
import { describe, expect, it } from 'vitest';
import type { CampaignSummary } from '../../../src-main/contract';
import { importRegistrations } from '../../../src-main/core/intake/import-registrations';
import { generateIdentity, publicKeyToBase64 } from '../../../src-main/core/keys/identity';
import { KEYCARD_PAYLOAD_TYPE } from '../../../src-main/core/keys/key-card';
import { canonicalJsonBytes } from '../../../src-main/core/files/canonical-json';
import { encodeEnvelope, signEnvelope } from '../../../src-main/core/exchange/dsse';
import { ok, openTestApp } from '../../helpers';

const RLO = '\u202E';
const PDI = '\u2069';
const HEADER = '报名编号,申报类型,作品类别,作品名称,作者,联系电话,推荐理由,提交时间';
const row = (regNo: string, title = '标题') => `${regNo},作品,视频,${title},李晓雯,13800138000,原创,2023-12-10 09:30`;
const csvOf = (...rows: string[]) => Buffer.from(`\ufeff${HEADER}\r\n${rows.join('\r\n')}\r\n`, 'utf8');

describe('names of people with bidirectional controls', () => {
  it('judge:create refuses a name or institution holding a bidi control, and stores nothing', async () => {
    const app = openTestApp();
    const campaign = await ok<CampaignSummary>(app.dispatch('campaign:create', { templateId: 'sichuan-influence-2023' }));
    for (const request of [{ name: `Zhang ${RLO}ieW` }, { name: '李华', institution: `协和${PDI}医院` }]) {
      const result = await app.dispatch('judge:create', { campaignId: campaign.id, specialities: [], ...request });
      expect(result, JSON.stringify(request)).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    }
    expect(app.ctx.db.prepare('SELECT count(*) FROM judges').pluck().get()).toBe(0);
    app.ctx.close();
  });

  it('a key card whose name holds a bidi control is refused as invalid', async () => {
    const app = openTestApp();
    const campaign = await ok<CampaignSummary>(app.dispatch('campaign:create', { templateId: 'sichuan-influence-2023' }));
    // Written by hand (an older or hostile tool): this version's createKeyCard refuses such a name.
    const id = generateIdentity();
    const payload = { v: 1, kind: 'kepu.keycard', name: `Wei${RLO}gnahZ`, institution: null, publicKey: publicKeyToBase64(id.publicKey), keyId: id.keyId, fingerprint: id.fingerprint, createdAt: '2024-01-01T00:00:00.000Z' };
    const card = encodeEnvelope(signEnvelope(KEYCARD_PAYLOAD_TYPE, canonicalJsonBytes(payload), id.privateKey, id.keyId));
    const result = await app.dispatch('judge:registerKeyCard', { campaignId: campaign.id, card: { fileName: 'k.kepukey', contentBase64: card.toString('base64') } });
    expect(result).toMatchObject({ ok: false, error: { code: 'KEYCARD_INVALID' } });
    expect(app.ctx.db.prepare('SELECT count(*) FROM judges').pluck().get()).toBe(0);
    app.ctx.close();
  });

  it('identity:create refuses a name with a bidi control (it goes into every key card and package)', async () => {
    const app = openTestApp();
    const result = await app.dispatch('identity:create', { name: `协调员${RLO}`, passphrase: 'correct horse battery' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    app.ctx.close();
  });
});

describe('registration numbers spelled to look like others', () => {
  it('refuses zero-width characters (U+200B, U+200D, U+FEFF, U+2060) inside a registration number', async () => {
    const app = openTestApp();
    const campaign = await ok<CampaignSummary>(app.dispatch('campaign:create', { templateId: 'sichuan-influence-2023' }));
    const spellings = ['SC\u200B-0001', 'SC-\u200D0001', 'SC-00\uFEFF01', 'SC\u2060-0001', 'SC-0001\u00AD'];
    const report = await importRegistrations(app.ctx, campaign.id, { fileName: 'zw.csv', bytes: csvOf(row('SC-0001'), ...spellings.map((s) => row(s))) });
    expect(report.added).toEqual([2]);
    expect(report.rejected.map((r) => r.errors[0].code)).toEqual(spellings.map(() => 'ROW_BAD_REG_NO'));
    app.ctx.close();
  });

  // Full-width "ＳＣ-０００１" (typed with a Chinese IME) is read in NFKC form, i.e. as "SC-0001":
  // a duplicate in the same file. Cyrillic "ЅС-0001" (U+0405 U+0421) reads like it but is another
  // string: Cyrillic and Greek letters are refused in registration numbers.
  it('treats a full-width or look-alike spelling of an existing number as that number (duplicate), not a new entry', async () => {
    const app = openTestApp();
    const campaign = await ok<CampaignSummary>(app.dispatch('campaign:create', { templateId: 'sichuan-influence-2023' }));
    const report = await importRegistrations(app.ctx, campaign.id, { fileName: 'alike.csv', bytes: csvOf(row('SC-0001'), row('ＳＣ-０００１'), row('\u0405\u0421-0001')) });
    expect(report.added).toEqual([2]);
    app.ctx.close();
  });
});
