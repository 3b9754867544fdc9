// A certificate whose issue date is after today (issue 11, item 14): correctly signed, but it
// cannot be valid yet — a date forged with the issuer's key or a wrong clock. It verifies as
// not_yet_valid (translated), in the app and in `kepu certificate verify`, which exits non-zero.
// "Today" is the campaign's date in its time zone; for a campaign this database does not know it
// is the date where the day begins first (UTC+14), so a certificate issued today in Beijing is
// never taken for a future one on a computer in Europe.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CampaignSummary, VerifyResult } from '../../../src-main/contract';
import { createNodeI18n } from '../../../src-main/app/translate';
import { type CertificatePayload, localDate, signPayload } from '../../../src-main/core/certificates/payload';
import { verifyCode } from '../../../src-main/core/certificates/verify';
import { generateIdentity } from '../../../src-main/core/keys/identity';
import { createKeyCard } from '../../../src-main/core/keys/key-card';
import { ok, openTestApp, repoRoot, tempDir } from '../../helpers';

const issuer = generateIdentity();
const payload = (over: Partial<CertificatePayload>): CertificatePayload => ({
  serial: 'KP-2024-000001',
  holderName: '李华',
  kind: 'award',
  campaignId: 'elsewhere-2024',
  issueDate: '2024-05-01',
  validUntil: null,
  issuerKeyPrefix: issuer.keyId.slice(0, 8),
  ...over,
});

describe('a certificate dated in the future', () => {
  it('is not_yet_valid by the campaign’s date, valid from its issue day, expired after its last day', () => {
    const { ctx } = openTestApp();
    const template = ctx.templates.get('sichuan-influence-2023');
    const campaign: CampaignSummary = ctx.campaigns.create(template.id, template.definition); // Asia/Shanghai
    const trusted = [issuer.publicKey];
    // 2024-05-01 17:30 UTC is already 2 May, 01:30, in Beijing.
    const now = new Date('2024-05-01T17:30:00Z');
    const code = (issueDate: string, validUntil: string | null = null) => signPayload(payload({ campaignId: campaign.id, issueDate, validUntil }), issuer.privateKey);
    expect(verifyCode(ctx.db, code('2024-05-03'), { now, trusted }).status).toBe('not_yet_valid');
    expect(verifyCode(ctx.db, code('2024-05-02'), { now, trusted }).status).toBe('valid');
    expect(verifyCode(ctx.db, code('2024-05-01', '2024-05-01'), { now, trusted }).status).toBe('expired');
    const future = verifyCode(ctx.db, code('2030-01-01'), { now, trusted });
    expect(future).toMatchObject({ status: 'not_yet_valid', reason: null, fields: { issueDate: '2030-01-01', holderName: '李华' } });
    ctx.close();
  });

  it('for a campaign this database does not know, uses the first zone to reach the date', () => {
    const { ctx } = openTestApp();
    const trusted = [issuer.publicKey];
    const now = new Date('2024-05-01T17:30:00Z'); // 1 May in Europe and America, 2 May from UTC+7 eastwards
    expect(localDate(now, 'Europe/Berlin')).toBe('2024-05-01');
    expect(verifyCode(ctx.db, signPayload(payload({ issueDate: '2024-05-02' }), issuer.privateKey), { now, trusted }).status).toBe('valid');
    expect(verifyCode(ctx.db, signPayload(payload({ issueDate: '2024-05-03' }), issuer.privateKey), { now, trusted }).status).toBe('not_yet_valid');
    ctx.close();
  });

  it('is shown translated in the app and makes `kepu certificate verify` exit 1', async () => {
    const { ctx, dispatch, dataDir } = openTestApp();
    const card = createKeyCard(issuer.privateKey, { name: '外省组委会', institution: null });
    await ok(dispatch('certificates:trustIssuer', { card: { fileName: 'issuer.kepukey', contentBase64: card.toString('base64') } }));
    const code = signPayload(payload({ issueDate: '2099-12-31' }), issuer.privateKey);
    const shown = await ok<VerifyResult>(dispatch('certificates:verify', { text: code }));
    expect(shown.status).toBe('not_yet_valid');
    ctx.close();
    for (const [lang, word] of [['en', 'NOT YET VALID'], ['zh-CN', '尚未生效']] as const) {
      const t = createNodeI18n(lang).t;
      expect(t(`certificates.status.${shown.status}`)).toBe(word);
      expect(t(`certificates.state.${shown.status}`)).not.toContain('certificates.');
    }

    const keyFile = path.join(tempDir(), 'issuer.kepukey');
    fs.writeFileSync(keyFile, card);
    const cli = (args: string[], lang = 'en') =>
      spawnSync(process.execPath, [path.join(repoRoot, 'bin/kepu.mjs'), 'certificate', 'verify', code, ...args], { encoding: 'utf8', env: { ...process.env, KEPU_LANG: lang } });
    const text = cli(['--key', keyFile, '--data-dir', tempDir()]);
    expect(text.status).toBe(1);
    expect(text.stdout).toMatch(/^NOT YET VALID\nIts issue date \(2099-12-31\) is after today/);
    const json = cli(['--data-dir', dataDir, '--json'], 'zh-CN');
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, code: 'CERTIFICATE_NOT_VALID', status: 'not_yet_valid', message: '证书未通过核验：尚未生效。' });
  }, 120_000);
});
