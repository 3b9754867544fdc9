// The committee roster across campaigns (issue 17): statuses by date with a fixed clock
// (selected, confirmed, certified, expiring within N days, expired, revoked), renewal linking the
// new certificate to the old one, activities recorded per member, the XLSX export read back, and
// `kepu roster expiring` / `kepu roster export`.
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ActivityRecord, ExportFile, RosterMember } from '../../../src-main/contract';
import { issueList, renewCertificate, revokeCertificate } from '../../../src-main/core/certificates/issue';
import { memberRoster } from '../../../src-main/core/certificates/member-roster';
import { membershipBoard } from '../../../src-main/core/certificates/membership-board';
import { recordStep } from '../../../src-main/core/certificates/membership-steps';
import { ok, repoRoot, tempDir } from '../../helpers';
import { rankedApp } from './fixture';

const KEPU = path.join(repoRoot, 'bin/kepu.mjs');
const DAY = 86_400_000;

describe('committee roster', () => {
  it('gives each member a status by date, links renewals and keeps activities', async () => {
    const app = await rankedApp();
    const { ctx, committee, issuer, wording, dispatch } = app;
    const def = ctx.campaigns.definition(committee);
    const members = membershipBoard(ctx.db, committee, wording).members;
    expect(members.length).toBeGreaterThanOrEqual(5);
    const [a, b, c, d, e] = members.map((m) => m.subject);
    const undo = (subject: string) => recordStep(ctx.db, def, { campaignId: committee, subject, step: 'committee_confirmation', doneOn: null, verified: false, note: 'not yet' }, 'test');
    undo(d);
    undo(e);
    // Issued 2024-01-10 (Beijing): valid through 2026-01-09.
    issueList(ctx.db, committee, 'committee', issuer, wording, new Date('2024-01-10T02:00:00Z'));
    recordStep(ctx.db, def, { campaignId: committee, subject: e, step: 'committee_confirmation', doneOn: '2024-02-01', verified: true, note: '' }, 'test');
    const serialOf = (subject: string) => ctx.db.prepare<[string, string], { serial: string }>(`SELECT serial FROM certificates WHERE campaign_id = ? AND subject = ? ORDER BY issued_at DESC`).get(committee, subject)?.serial as string;
    revokeCertificate(ctx.db, serialOf(c), 'left the committee', new Date('2025-03-01T00:00:00Z'));

    const statuses = (now: string, days = 90) => new Map(memberRoster(ctx.db, wording, { expiringDays: days, now: new Date(now) }).members.map((m) => [m.subject, m.status]));
    expect(statuses('2025-06-01T04:00:00Z').get(a)).toBe('certified');
    expect(statuses('2025-12-01T04:00:00Z').get(a)).toBe('expiring');
    expect(statuses('2025-12-01T04:00:00Z', 30).get(a)).toBe('certified');
    // The last valid day in Beijing, then the day after (16:00 UTC is midnight in UTC+8).
    expect(statuses('2026-01-09T15:59:00Z').get(a)).toBe('expiring');
    expect(statuses('2026-01-09T16:00:00Z').get(a)).toBe('expired');
    const at = statuses('2026-02-01T04:00:00Z');
    expect([at.get(a), at.get(b), at.get(c), at.get(d), at.get(e)]).toEqual(['expired', 'expired', 'revoked', 'selected', 'confirmed']);
    const only = memberRoster(ctx.db, wording, { expiringDays: 90, status: 'selected', now: new Date('2026-02-01T04:00:00Z') }).members;
    expect(only.map((m) => m.subject)).toEqual([d]);

    // Renewal: a new certificate for the next term, naming the old one; the old one is left as it was.
    const old = serialOf(a);
    const renewed = renewCertificate(ctx.db, old, issuer, wording, new Date('2026-02-01T04:00:00Z'));
    expect(renewed).toMatchObject({ issueDate: '2026-02-01', validUntil: '2028-01-31', status: 'valid' });
    expect(() => renewCertificate(ctx.db, old, issuer, wording, new Date('2026-02-02T04:00:00Z'))).toThrow(expect.objectContaining({ code: 'CERTIFICATE_ALREADY_RENEWED' }));
    const after = memberRoster(ctx.db, wording, { expiringDays: 90, now: new Date('2026-02-01T04:00:00Z') }).members.find((m) => m.subject === a) as RosterMember;
    expect(after).toMatchObject({ status: 'certified', certificate: { serial: renewed.serial, renews: old } });
    expect(ctx.db.prepare('SELECT status FROM certificates WHERE serial = ?').pluck().get(old)).toBe('valid');
    expect(ctx.db.prepare(`SELECT COUNT(*) FROM audit_log WHERE action = 'certificate.renew' AND subject = ?`).pluck().get(renewed.serial)).toBe(1);

    // Activities, through the channel; a person who is not a member is refused.
    await ok(dispatch('roster:addActivity', { campaignId: committee, subject: a, activity: 'world_cancer_day', onDate: '2026-02-04', note: '义诊' }));
    const list = await ok<ActivityRecord[]>(dispatch('roster:addActivity', { campaignId: committee, subject: a, activity: 'cancer_week', onDate: '2026-04-15', note: '' }));
    expect(list.map((x) => x.activity)).toEqual(['world_cancer_day', 'cancer_week']);
    expect(await dispatch('roster:addActivity', { campaignId: committee, subject: 'entry:NOBODY', activity: 'other', onDate: '2026-04-15', note: '' })).toMatchObject({ ok: false, error: { code: 'MEMBERSHIP_NOT_A_MEMBER' } });

    // The XLSX export: one row per member, the status in the chosen language, activities counted.
    const file = await ok<ExportFile>(dispatch('roster:export', { expiringDays: 90, language: 'zh-CN' }));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 5)).toEqual(['遴选活动', '报名编号', '姓名', '单位', '状态']);
    expect(sheet.rowCount).toBe(members.length + 1);
    const rowOfA = sheet.getRows(2, members.length)?.find((r) => r.getCell(2).value === a.replace('entry:', ''));
    expect(rowOfA?.getCell(6).value).toBe(renewed.serial);
    expect(rowOfA?.getCell(9).value).toBe(old);
    expect(rowOfA?.getCell(header.indexOf('世界癌症日（2月4日）') + 1).value).toBe(1);
    ctx.close();
  }, 180_000);

  it('lists the certificates expiring soon and writes the roster from the command line', async () => {
    const app = await rankedApp();
    const { ctx, committee, issuer, wording, dataDir } = app;
    // Issued 700 days ago for 24 months: it expires in about a month.
    issueList(ctx.db, committee, 'committee', issuer, wording, new Date(Date.now() - 700 * DAY));
    const serials = ctx.db.prepare<[string], { serial: string }>('SELECT serial FROM certificates WHERE campaign_id = ?').all(committee);
    ctx.close();
    const kepu = (args: string[]) => spawnSync(process.execPath, [KEPU, ...args, '--data-dir', dataDir], { encoding: 'utf8', env: { ...process.env, KEPU_LANG: 'en' } });
    const soon = kepu(['roster', 'expiring', '--days', '90']);
    expect(soon.status, soon.stderr).toBe(0);
    expect(soon.stdout).toMatch(new RegExp(`^${serials.length} membership certificates? expires? within 90 days:`));
    for (const { serial } of serials) expect(soon.stdout).toContain(serial);
    expect(kepu(['roster', 'expiring', '--days', '7']).stdout).toContain('No membership certificate expires within 7 days.');
    const out = path.join(tempDir('kepu-roster-'), '名册.xlsx');
    const exported = kepu(['roster', 'export', '--out', out, '--lang', 'en', '--json']);
    expect(exported.status, exported.stderr).toBe(0);
    expect(JSON.parse(exported.stdout)).toMatchObject({ ok: true, file: out, members: expect.any(Number) });
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    expect(kepu(['roster', 'export']).status).toBe(2);
  }, 180_000);
});

