// Verifying on another installation: a certificate from an issuer this database does not know
// is "unknown issuer" until the issuer's key card is trusted (app) or given with --key (CLI);
// a key card that was tampered with is refused. The printed job file can be fetched for printing.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CertificateJob, ExportFile, TrustedIssuer, VerifyResult } from '../../../src-main/contract';
import { ok, openTestApp, pollUntil, repoRoot, tempDir } from '../../helpers';
import { rankedApp } from './fixture';

const until = <T extends { state: string }>(read: () => Promise<T>) => pollUntil(read, (value) => value.state !== 'running', 'certificate job');

describe('trusting a certificate issuer on another installation', () => {
  it('says unknown issuer, then valid once the issuer’s key card is trusted; the CLI takes --key', async () => {
    const issuer = await rankedApp();
    const out = tempDir('kepu-trust-');
    const started = await ok<CertificateJob>(issuer.dispatch('certificates:export', { campaignId: issuer.works, list: 'influence', outDir: out, mode: 'single' }));
    const done = await until(() => ok<CertificateJob>(issuer.dispatch('job:status', { jobId: started.jobId })));
    const pdf = done.result!.files[0];

    // The job's own file can be read back for printing; any other path cannot.
    const printable = await ok<ExportFile>(issuer.dispatch('certificates:jobFile', { jobId: started.jobId, file: pdf }));
    expect(Buffer.from(printable.contentBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    const other = await issuer.dispatch('certificates:jobFile', { jobId: started.jobId, file: path.join(issuer.dataDir, 'kepu.sqlite') });
    expect(other).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    const card = await ok<ExportFile>(issuer.dispatch('identity:keycard', {}));
    const file = { fileName: 'issuer.pdf', contentBase64: fs.readFileSync(pdf).toString('base64') };

    const verifier = openTestApp();
    const before = await ok<VerifyResult>(verifier.dispatch('certificates:verify', { file }));
    expect(before).toMatchObject({ status: 'invalid', reason: 'unknown_issuer' });
    expect(before.fields?.holderName).toBeTruthy();

    // A card with one byte changed is refused and nothing is trusted.
    const bytes = Buffer.from(card.contentBase64, 'base64');
    const tampered = Buffer.from(bytes);
    const at = tampered.indexOf('"name"') + 10;
    tampered[at] = tampered[at] === 0x41 ? 0x42 : 0x41;
    const refused = await verifier.dispatch('certificates:trustIssuer', { card: { fileName: 'bad.kepukey', contentBase64: tampered.toString('base64') } });
    expect(refused).toMatchObject({ ok: false });
    expect(await ok<TrustedIssuer[]>(verifier.dispatch('certificates:issuers', {}))).toEqual([]);

    const trusted = await ok<TrustedIssuer>(verifier.dispatch('certificates:trustIssuer', { card: { fileName: 'issuer.kepukey', contentBase64: card.contentBase64 } }));
    expect(trusted.name).toContain('大赛组委会');
    expect(trusted.fingerprint).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){4}$/);
    const after = await ok<VerifyResult>(verifier.dispatch('certificates:verify', { file }));
    expect(after).toMatchObject({ status: 'valid', reason: null, issuerName: expect.stringContaining('大赛组委会') });
    verifier.ctx.close();

    // CLI on a third, empty data folder: unknown without the card, valid with --key.
    const third = tempDir('kepu-third-');
    const cardFile = path.join(third, 'issuer.kepukey');
    fs.writeFileSync(cardFile, bytes);
    const run = (args: string[]) => spawnSync(process.execPath, [path.join(repoRoot, 'bin/kepu.mjs'), 'certificate', 'verify', pdf, '--data-dir', third, ...args], { encoding: 'utf8', env: { ...process.env, KEPU_LANG: 'en' } });
    const without = run([]);
    expect(without.status).toBe(1);
    expect(without.stdout).toContain('INVALID');
    const withKey = run(['--key', cardFile]);
    expect(withKey.stdout).toContain('VALID');
    expect(withKey.stdout).not.toContain('INVALID');
    expect(withKey.status).toBe(0);
    issuer.ctx.close();
  });
});
