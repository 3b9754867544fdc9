import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type CertificateDrawing, type CertificateJob, type CertificateList, type CertificateRow, Job, type VerifyResult } from '../../../src-main/contract';
import { ok, pollUntil, tempDir } from '../../helpers';
import { sealPng } from '../../unit/certificates/images';
import { rankedApp } from './fixture';

const until = (check: () => Promise<CertificateJob>) => pollUntil(check, (job) => job.state !== 'running', 'certificate job');

describe('certificate channels', () => {
  it('settings, images, lists, preview, export job, register, reissue, revoke and verify through dispatch', async () => {
    const app = await rankedApp();
    const { dispatch, works } = app;
    const view = await ok<{ settings: { serialPrefix: string; orientation: string } }>(dispatch('certificates:settings', { campaignId: works }));
    expect(view.settings).toMatchObject({ serialPrefix: 'SIKP', orientation: 'landscape' });
    const bad = await dispatch('certificates:saveSettings', { campaignId: works, settings: { serialPrefix: 'sc-1' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    await ok(dispatch('certificates:saveSettings', { campaignId: works, settings: { serialPrefix: 'SCKP', language: 'zh-CN' } }));
    const notImage = await dispatch('certificates:setImage', { campaignId: works, role: 'seal', image: { fileName: 'seal.png', contentBase64: Buffer.from('not a png').toString('base64') } });
    expect(notImage).toMatchObject({ ok: false, error: { code: 'CERTIFICATE_IMAGE_INVALID' } });
    const withSeal = await ok<{ images: { role: string; width: number }[] }>(dispatch('certificates:setImage', { campaignId: works, role: 'seal', image: { fileName: 'seal.png', contentBase64: sealPng().toString('base64') } }));
    expect(withSeal.images).toMatchObject([{ role: 'seal', width: 240 }]);

    const lists = await ok<CertificateList[]>(dispatch('certificates:lists', { campaignId: works }));
    expect(lists.map((l) => [l.name, l.issued])).toEqual([['influence', 0], ['honourable', 0], ['judges', 0]]);

    const preview = await ok<{ drawing: CertificateDrawing; images: { seal: string | null } }>(dispatch('certificates:preview', { campaignId: works, list: 'influence' }));
    expect(preview.images.seal).toMatch(/^data:image\/png;base64,/);
    const texts = preview.drawing.items.flatMap((i) => (i.type === 'text' ? i.lines.map((l) => l.text) : []));
    expect(texts.join('')).toContain('SCKP-');
    expect(texts.some((t) => t.includes('Certificate'))).toBe(false); // zh-CN only, from the settings
    // The preview pages through every holder of the list, not only the first.
    const honourable = lists.find((l) => l.name === 'honourable') as CertificateList;
    expect(honourable.holders).toBeGreaterThan(2);
    type Preview = { drawing: CertificateDrawing; holder: { index: number; total: number; name: string } };
    const holderText = (p: Preview) => p.drawing.items.flatMap((i) => (i.type === 'text' && i.role === 'holder' ? i.lines.map((l) => l.text) : [])).join('');
    const seen = new Set<string>();
    for (let index = 0; index < honourable.holders; index++) {
      const p = await ok<Preview>(dispatch('certificates:preview', { campaignId: works, list: 'honourable', index }));
      expect(p.holder).toMatchObject({ index, total: honourable.holders });
      expect(holderText(p)).toBe(p.holder.name);
      seen.add(`${index}:${p.holder.name}`);
    }
    expect(seen.size).toBe(honourable.holders);
    const past = await ok<Preview>(dispatch('certificates:preview', { campaignId: works, list: 'honourable', index: 10_000 }));
    expect(past.holder.index).toBe(honourable.holders - 1);
    expect((await ok<CertificateList[]>(dispatch('certificates:lists', { campaignId: works })))[0].issued).toBe(0);

    const out = tempDir('kepu-job-');
    const started = await ok<CertificateJob>(dispatch('certificates:export', { campaignId: works, list: 'influence', outDir: out, mode: 'single' }));
    expect(started).toMatchObject({ kind: 'certificates.export', state: 'running' });
    const done = await until(() => ok<CertificateJob>(dispatch('job:status', { jobId: started.jobId })));
    expect(done).toMatchObject({ kind: 'certificates.export', state: 'done', result: { cancelled: false, files: [expect.stringMatching(/\.pdf$/)] }, error: null });
    expect(Job.parse(done)).toEqual(done); // job:status answers the one job shape every kind shares
    expect(execFileSync('pdftotext', [done.result?.files[0] as string, '-'], { encoding: 'utf8' })).toContain('荣誉证书');
    expect(await dispatch('certificates:export', { campaignId: works, list: 'nope' })).toMatchObject({ ok: false, error: { code: 'CERTIFICATE_LIST_UNKNOWN' } });
    expect(await dispatch('job:status', { jobId: 'missing' })).toMatchObject({ ok: false, error: { code: 'JOB_NOT_FOUND', params: { jobId: 'missing' } } });
    expect(await dispatch('job:cancel', { jobId: 'missing' })).toMatchObject({ ok: false, error: { code: 'JOB_NOT_FOUND' } });
    expect(await dispatch('certificates:jobFile', { jobId: 'missing', file: done.result?.files[0] as string })).toMatchObject({ ok: false, error: { code: 'JOB_NOT_FOUND' } });

    const page = await ok<{ total: number; rows: CertificateRow[] }>(dispatch('certificates:issued', { campaignId: works, list: 'influence' }));
    expect(page.total).toBe(done.result?.certificates);
    const [first, second] = page.rows;
    const pdfBytes = fs.readFileSync(done.result?.files[0] as string);
    const verifyPdf = await ok<VerifyResult>(dispatch('certificates:verify', { file: { fileName: 'c.pdf', contentBase64: pdfBytes.toString('base64') } }));
    expect(verifyPdf.status).toBe('valid');
    expect(verifyPdf.others).toHaveLength(page.total);

    const fresh = await ok<CertificateRow>(dispatch('certificates:reissue', { serial: first.serial, reason: 'typo' }));
    expect(fresh.serial).not.toBe(first.serial);
    await ok(dispatch('certificates:revoke', { serial: second.serial, reason: 'withdrawn' }));
    expect(await ok<VerifyResult>(dispatch('certificates:verify', { text: first.payload }))).toMatchObject({ status: 'replaced', replacedBy: fresh.serial });
    expect(await ok<VerifyResult>(dispatch('certificates:verify', { text: second.payload }))).toMatchObject({ status: 'revoked', revokeReason: 'withdrawn' });
    expect(await ok<VerifyResult>(dispatch('certificates:verify', { text: 'KP1.NOPE' }))).toMatchObject({ status: 'invalid', reason: 'malformed' });
    expect(await dispatch('certificates:verify', {})).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });

    await ok(dispatch('identity:lock', {}));
    expect(await dispatch('certificates:export', { campaignId: works, list: 'influence' })).toMatchObject({ ok: false, error: { code: 'KEY_LOCKED' } });
    // Verification needs no key: the issuer is recorded in the database.
    expect((await ok<VerifyResult>(dispatch('certificates:verify', { text: fresh.payload }))).status).toBe('valid');
    app.ctx.close();
  }, 60_000);

  it('cancels a running export job', async () => {
    const app = await rankedApp();
    const out = tempDir('kepu-job-');
    const started = await ok<CertificateJob>(app.dispatch('certificates:export', { campaignId: app.works, list: 'honourable', outDir: out, mode: 'perHolder' }));
    await ok(app.dispatch('job:cancel', { jobId: started.jobId }));
    const end = await until(() => ok<CertificateJob>(app.dispatch('job:status', { jobId: started.jobId })));
    expect(end.state).toBe('cancelled');
    expect(fs.readdirSync(out).filter((f) => !f.endsWith('.pdf'))).toEqual([]);
    app.ctx.close();
  }, 60_000);
});
