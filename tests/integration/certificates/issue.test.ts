import { describe, expect, it } from 'vitest';
import { issueList, listCertificates, reissueCertificate, revokeCertificate } from '../../../src-main/core/certificates/issue';
import { certificateList, certificateLists } from '../../../src-main/core/certificates/lists';
import { parseCode } from '../../../src-main/core/certificates/payload';
import { SERIAL_PATTERN } from '../../../src-main/core/certificates/serials';
import { saveSettings } from '../../../src-main/core/certificates/settings';
import { verifyCode } from '../../../src-main/core/certificates/verify';
import { ok } from '../../helpers';
import { rankedApp } from './fixture';

describe('certificate lists from the locked ranking', () => {
  it('has no award or committee list before a ranking is locked, only the judges', async () => {
    const app = await rankedApp({ lock: false });
    expect(certificateLists(app.ctx.db, app.works, app.wording).map((l) => l.name)).toEqual(['judges']);
    expect(() => certificateList(app.ctx.db, app.works, 'influence', app.wording)).toThrow(expect.objectContaining({ code: 'CERTIFICATE_NO_PUBLISHED_RANKING' }));
    expect(() => certificateList(app.ctx.db, app.committee, 'committee', app.wording)).toThrow(expect.objectContaining({ code: 'CERTIFICATE_NO_PUBLISHED_RANKING' }));
    app.ctx.close();
  });

  it('lists one award list per tier, the committee and the judges, with the holders from the entries', async () => {
    const app = await rankedApp();
    const works = certificateLists(app.ctx.db, app.works, app.wording);
    expect(works.map((l) => [l.name, l.type, l.kind])).toEqual([['influence', 'award', 'award'], ['honourable', 'award', 'award'], ['judges', 'appreciation', 'judge_thanks']]);
    const influence = works[0];
    // Two per category (rank tier of count 2), each holder from the entry row.
    const entry = app.ctx.db.prepare('SELECT entrant_name, title FROM entries WHERE campaign_id = ? AND reg_no = ?').get(app.works, influence.holders[0].subject.slice(6)) as { entrant_name: string; title: string };
    expect(influence.holders[0]).toMatchObject({ name: entry.entrant_name, award: { title: entry.title, tier: { 'zh-CN': '影响力作品' } } });
    const committee = certificateLists(app.ctx.db, app.committee, app.wording).find((l) => l.name === 'committee');
    expect(committee).toMatchObject({ type: 'membership', kind: 'membership', validityMonths: 24 });
    // One membership certificate per member the locked selection names.
    const summary = await ok<{ committee: { members: number } | null }>(app.dispatch('ranking:summary', { campaignId: app.committee }));
    expect(summary.committee?.members).toBeGreaterThan(0);
    expect(committee?.holders).toHaveLength(summary.committee!.members);
    expect(() => certificateList(app.ctx.db, app.works, 'gold', app.wording)).toThrow(expect.objectContaining({ code: 'CERTIFICATE_LIST_UNKNOWN' }));
    app.ctx.close();
  });

  it('refuses a snapshot whose stored bytes were changed after locking', async () => {
    const app = await rankedApp();
    app.ctx.db.prepare(`UPDATE ranking_snapshots SET snapshot_json = replace(snapshot_json, '"rank":1,', '"rank":2,') WHERE campaign_id = ?`).run(app.works);
    expect(() => certificateLists(app.ctx.db, app.works, app.wording)).toThrow(expect.objectContaining({ code: 'CERTIFICATE_SNAPSHOT_INVALID' }));
    app.ctx.close();
  });
});

describe('issuing', () => {
  it('gives serials prefix-year-sequence, re-uses them on a second issue, and signs payloads that verify', async () => {
    const app = await rankedApp();
    saveSettings(app.ctx.db, app.works, { serialPrefix: 'SCKP' });
    const now = new Date('2023-12-30T03:00:00Z');
    const first = issueList(app.ctx.db, app.works, 'influence', app.issuer, app.wording, now);
    expect(first.newlyIssued).toBe(first.certificates.length);
    expect(first.certificates.map((c) => c.serial)).toEqual(first.certificates.map((_, i) => `SCKP-2023-${String(i + 1).padStart(6, '0')}`));
    for (const c of first.certificates) expect(c.serial).toMatch(SERIAL_PATTERN);
    const again = issueList(app.ctx.db, app.works, 'influence', app.issuer, app.wording, new Date('2024-01-05T03:00:00Z'));
    expect(again.newlyIssued).toBe(0);
    expect(again.certificates.map((c) => c.payload)).toEqual(first.certificates.map((c) => c.payload));
    // Another list continues the same counter; a new year starts a new one.
    const judges = issueList(app.ctx.db, app.works, 'judges', app.issuer, app.wording, now);
    expect(judges.certificates[0].serial).toBe(`SCKP-2023-${String(first.certificates.length + 1).padStart(6, '0')}`);
    const c = first.certificates[0];
    const parsed = parseCode(c.payload);
    expect(parsed.ok && parsed.payload).toMatchObject({ serial: c.serial, holderName: c.holderName, kind: 'award', campaignId: app.works, issueDate: '2023-12-30', validUntil: null });
    expect(verifyCode(app.ctx.db, c.payload)).toMatchObject({ status: 'valid', reason: null, issuerName: '大赛组委会' });
    expect(app.ctx.db.prepare(`SELECT count(*) FROM audit_log WHERE action = 'certificate.issue'`).pluck().get()).toBe(first.certificates.length + judges.certificates.length);
    app.ctx.close();
  });

  it('makes committee certificates valid for 24 months from the issue date in the campaign zone, then expired', async () => {
    const app = await rankedApp();
    // 2021-12-31 20:00 UTC is already 2022-01-01 in Beijing.
    const issued = issueList(app.ctx.db, app.committee, 'committee', app.issuer, app.wording, new Date('2021-12-31T20:00:00Z'));
    const c = issued.certificates[0];
    expect([c.issueDate, c.validUntil]).toEqual(['2022-01-01', '2023-12-31']);
    expect(verifyCode(app.ctx.db, c.payload, { now: new Date('2023-12-31T15:59:00Z') }).status).toBe('valid');
    expect(verifyCode(app.ctx.db, c.payload, { now: new Date('2023-12-31T16:00:00Z') }).status).toBe('expired');
    app.ctx.close();
  });

  it('reissues with a new serial (old one replaced) and revokes, both audited and seen by verification', async () => {
    const app = await rankedApp();
    const [a, b] = issueList(app.ctx.db, app.works, 'influence', app.issuer, app.wording).certificates;
    const fresh = reissueCertificate(app.ctx.db, a.serial, app.issuer, app.wording, '姓名有误');
    expect(fresh.serial).not.toBe(a.serial);
    expect(fresh.subject).toBe(a.subject);
    expect(listCertificates(app.ctx.db, app.works, { query: a.serial }, 0, 10).rows[0]).toMatchObject({ status: 'replaced', replacedBy: fresh.serial });
    expect(verifyCode(app.ctx.db, a.payload)).toMatchObject({ status: 'replaced', replacedBy: fresh.serial });
    expect(verifyCode(app.ctx.db, fresh.payload).status).toBe('valid');
    // Issuing the list again keeps the reissued certificate, not a third one.
    const again = issueList(app.ctx.db, app.works, 'influence', app.issuer, app.wording);
    expect(again.newlyIssued).toBe(0);
    expect(again.certificates[0].serial).toBe(fresh.serial);

    const revoked = revokeCertificate(app.ctx.db, b.serial, '获奖资格取消');
    expect(revoked).toMatchObject({ status: 'revoked', revokeReason: '获奖资格取消' });
    expect(verifyCode(app.ctx.db, b.payload)).toMatchObject({ status: 'revoked', revokeReason: '获奖资格取消' });
    expect(() => revokeCertificate(app.ctx.db, b.serial, 'again')).toThrow(expect.objectContaining({ code: 'CERTIFICATE_NOT_ACTIVE' }));
    expect(() => reissueCertificate(app.ctx.db, a.serial, app.issuer, app.wording)).toThrow(expect.objectContaining({ code: 'CERTIFICATE_NOT_ACTIVE' }));
    const audit = app.ctx.db.prepare(`SELECT action, subject, details_json FROM audit_log WHERE action IN ('certificate.reissue', 'certificate.revoke') ORDER BY id`).all();
    expect(audit).toEqual([
      { action: 'certificate.reissue', subject: a.serial, details_json: JSON.stringify({ replacedBy: fresh.serial, reason: '姓名有误' }) },
      { action: 'certificate.revoke', subject: b.serial, details_json: JSON.stringify({ reason: '获奖资格取消' }) },
    ]);
    // The register: filter by status and by holder name.
    expect(listCertificates(app.ctx.db, app.works, { status: 'revoked' }, 0, 10).rows.map((r) => r.serial)).toEqual([b.serial]);
    expect(listCertificates(app.ctx.db, app.works, { query: b.holderName }, 0, 10).rows.map((r) => r.serial)).toContain(b.serial);
    app.ctx.close();
  });

  it('says unknown issuer for a code signed by a key this database never recorded', async () => {
    const app = await rankedApp();
    const [c] = issueList(app.ctx.db, app.works, 'influence', app.issuer, app.wording).certificates;
    const other = await rankedApp({ lock: false });
    expect(verifyCode(other.ctx.db, c.payload)).toMatchObject({ status: 'invalid', reason: 'unknown_issuer', fields: { serial: c.serial } });
    app.ctx.close();
    other.ctx.close();
  });
});
