// Checking a certificate by hand: the serial and the check code printed beside the QR, typed
// with any spacing and case, verify against this computer's register; a changed character, a
// check from another certificate, or a serial the register does not hold, do not.
import { describe, expect, it } from 'vitest';
import type { CertificateJob, CertificateRow, VerifyResult } from '../../../src-main/contract';
import { checkOf, parseShortCode, shortCodeOf } from '../../../src-main/core/certificates/short-code';
import { parseCode } from '../../../src-main/core/certificates/payload';
import { ok, pollUntil, tempDir } from '../../helpers';
import { rankedApp } from './fixture';

describe('short codes', () => {
  it('reads what people type', () => {
    expect(parseShortCode('SIKP-2026-000005')).toEqual({ serial: 'SIKP-2026-000005', check: null });
    for (const typed of ['SIKP-2026-000005 K7QM3-XRD2P', ' sikp-2026-000005  k7qm3xrd2p ', 'SIKP-2026-000005-K7QM3-XRD2P', 'SIKP-2026-000005 · K7QM3 XRD2P']) {
      expect(parseShortCode(typed), typed).toEqual({ serial: 'SIKP-2026-000005', check: 'K7QM3XRD2P' });
    }
    // 0, 1 and 8 are not in the alphabet: read as the O, I and B they were mistaken for.
    expect(parseShortCode('SIKP-2026-000005 XDL10-J3ZV8')).toEqual({ serial: 'SIKP-2026-000005', check: 'XDLIOJ3ZVB' });
    for (const junk of ['', 'KP1.ABC', 'SIKP-26-000005', 'SIKP-2026-000005 K7QM3', 'SIKP-2026-000005 K7QM3-XRD2P9', 'SIKP-2026-000005 K9QM3-XRD2P']) {
      expect(parseShortCode(junk), junk).toBeNull();
    }
  });

  it('verifies a serial with its check against the register, and refuses a changed character', async () => {
    const app = await rankedApp();
    const { dispatch, works } = app;
    const started = await ok<CertificateJob>(dispatch('certificates:export', { campaignId: works, list: 'influence', outDir: tempDir('kepu-short-'), mode: 'single' }));
    await pollUntil(() => ok<CertificateJob>(dispatch('job:status', { jobId: started.jobId })), (j) => j.state !== 'running', 'export');
    const { rows } = await ok<{ rows: CertificateRow[] }>(dispatch('certificates:issued', { campaignId: works, list: 'influence' }));
    const [first, second] = rows;
    const parsed = parseCode(first.payload);
    if (!parsed.ok) throw new Error('stored code does not parse');
    expect(first.check).toBe(`${checkOf(parsed.signature).slice(0, 5)}-${checkOf(parsed.signature).slice(5)}`);
    const typed = shortCodeOf(first.serial, parsed.signature);
    expect(typed).toBe(`${first.serial} ${first.check}`);

    const good = await ok<VerifyResult>(dispatch('certificates:verify', { text: typed.toLowerCase() }));
    expect(good).toMatchObject({ status: 'valid', reason: null, checkedBy: 'shortCode', fields: { serial: first.serial, holderName: first.holderName } });
    // The result names the list and the award as printed, and the issuer by its fingerprint.
    expect(good.listLabel?.['zh-CN']).toMatch(/· 影响力作品$/);
    expect(good.listLabel?.en).toMatch(/· Influential Work$/);
    expect(good.register?.body['zh-CN']).toContain('影响力作品');
    expect(good.issuerFingerprint).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){4}$/);
    const identity = await ok<{ fingerprint: string }>(dispatch('identity:status', {}));
    expect(good.issuerFingerprint).toBe(identity.fingerprint);

    // One changed character of the check, or another certificate's check: refused, nothing revealed.
    const changed = `${first.serial} ${first.check.slice(0, 3)}${first.check[3] === 'A' ? 'B' : 'A'}${first.check.slice(4)}`;
    expect(await ok<VerifyResult>(dispatch('certificates:verify', { text: changed }))).toMatchObject({ status: 'invalid', reason: 'bad_check', fields: null });
    expect(await ok<VerifyResult>(dispatch('certificates:verify', { text: `${first.serial} ${second.check}` }))).toMatchObject({ status: 'invalid', reason: 'bad_check' });
    // The printed serial alone: found in the register, and the answer says that is all it shows.
    expect(await ok<VerifyResult>(dispatch('certificates:verify', { text: first.serial }))).toMatchObject({ status: 'valid', checkedBy: 'serial' });
    const unknown = first.serial.replace(/\d{6}$/, '999999');
    expect(await ok<VerifyResult>(dispatch('certificates:verify', { text: `${unknown} ${first.check}` }))).toMatchObject({ status: 'invalid', reason: 'not_registered' });
    // The full code still proves it, and says so.
    expect(await ok<VerifyResult>(dispatch('certificates:verify', { text: first.payload }))).toMatchObject({ status: 'valid', checkedBy: 'code' });
    // Revoked: the short code answers revoked too.
    await ok(dispatch('certificates:revoke', { serial: second.serial, reason: 'withdrawn' }));
    expect(await ok<VerifyResult>(dispatch('certificates:verify', { text: `${second.serial} ${second.check}` }))).toMatchObject({ status: 'revoked', checkedBy: 'shortCode' });
    app.ctx.close();
  }, 90_000);
});
