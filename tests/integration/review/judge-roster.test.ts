// The judge roster (issue 15): judges added with contact and declared conflicts before any key
// card, edited later, every change of conflicts in the audit log, and assignment that honours them.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Judge } from '../../../src-main/contract';
import { importRegistrations } from '../../../src-main/core/intake/import-registrations';
import { openTestApp, ok, repoRoot } from '../../helpers';

async function sichuan() {
  const app = openTestApp();
  const template = app.ctx.templates.get('sichuan-influence-2023');
  const campaign = app.ctx.campaigns.create(template.id, template.definition);
  const csv = fs.readFileSync(path.join(repoRoot, 'tests/fixtures/intake/sichuan-registrations.utf8-bom.csv'));
  await importRegistrations(app.ctx, campaign.id, { fileName: 'r.csv', bytes: csv });
  const entryOf = (regNo: string) => app.ctx.db.prepare('SELECT id FROM entries WHERE reg_no = ?').pluck().get(regNo) as number;
  return { ...app, campaignId: campaign.id, entryOf };
}

const auditOf = (app: Awaited<ReturnType<typeof sichuan>>) =>
  (app.ctx.db.prepare(`SELECT details_json FROM audit_log WHERE action = 'judge.conflicts' AND subject = ? ORDER BY id`).pluck().all(app.campaignId) as string[]).map(
    (j) => JSON.parse(j) as { judgeId: string; added: unknown[]; removed: unknown[] },
  );

describe('the judge roster', () => {
  it('adds a judge with contact and conflicts before any key card, stores them, and audits the conflicts', async () => {
    const app = await sichuan();
    const judge = await ok<Judge>(
      app.dispatch('judge:create', {
        campaignId: app.campaignId,
        name: '周评委',
        institution: '成都医学院',
        specialities: ['video'],
        contact: '微信 zhou_md / 138 0000 0000',
        conflictInstitutions: ['四川省人民医院'],
        conflictEntries: [{ regNo: 'SC-0005', reason: '曾指导该作品' }],
      }),
    );
    expect(judge).toMatchObject({
      name: '周评委',
      fingerprint: null,
      contact: '微信 zhou_md / 138 0000 0000',
      conflicts: { institutions: ['四川省人民医院'], entries: [{ regNo: 'SC-0005', reason: '曾指导该作品' }] },
    });
    // Stored in the real file: contact on the judge, declarations apart from the judges' own conflicts.
    expect(app.ctx.db.prepare('SELECT contact FROM judges WHERE id = ?').pluck().get(judge.id)).toBe('微信 zhou_md / 138 0000 0000');
    expect(app.ctx.db.prepare('SELECT count(*) FROM conflicts').pluck().get()).toBe(0);
    expect(app.ctx.db.prepare('SELECT count(*) FROM judge_declared_conflicts WHERE judge_id = ?').pluck().get(judge.id)).toBe(2);
    const listed = await ok<{ judges: Judge[] }>(app.dispatch('judge:list', { campaignId: app.campaignId }));
    expect(listed.judges.find((j) => j.id === judge.id)).toEqual(judge);
    expect(auditOf(app)).toEqual([
      { judgeId: judge.id, added: [{ institution: '四川省人民医院' }, { regNo: 'SC-0005', reason: '曾指导该作品' }], removed: [] },
    ]);
    // A judge added the old way (no details) reads with defaults.
    const plain = await ok<Judge>(app.dispatch('judge:create', { campaignId: app.campaignId, name: '吴评委' }));
    expect(plain).toMatchObject({ contact: null, conflicts: { institutions: [], entries: [] } });
    expect(auditOf(app)).toHaveLength(1);
    app.ctx.close();
  });

  it('edits name, institution, contact and conflicts; only real changes are audited', async () => {
    const app = await sichuan();
    const judge = await ok<Judge>(app.dispatch('judge:create', { campaignId: app.campaignId, name: '郑评委', conflictInstitutions: ['四川省人民医院'] }));
    const edited = await ok<Judge>(
      app.dispatch('judge:update', {
        campaignId: app.campaignId,
        judgeId: judge.id,
        name: '郑评委（主任）',
        institution: '西南交通大学医学院',
        contact: 'zheng@example.cn',
        // The same institution typed differently stays the same declaration; an entry is added.
        conflictInstitutions: ['四川省 人民医院', '成都市第一人民医院'],
        conflictEntries: [{ regNo: 'SC-0001', reason: '亲属参赛' }],
      }),
    );
    expect(edited).toMatchObject({
      name: '郑评委（主任）',
      institution: '西南交通大学医学院',
      contact: 'zheng@example.cn',
      conflicts: { institutions: ['四川省人民医院', '成都市第一人民医院'], entries: [{ regNo: 'SC-0001', reason: '亲属参赛' }] },
    });
    // Leaving conflicts out changes only what is given.
    const renamed = await ok<Judge>(app.dispatch('judge:update', { campaignId: app.campaignId, judgeId: judge.id, contact: '' }));
    expect(renamed).toMatchObject({ contact: null, conflicts: edited.conflicts });
    await ok(app.dispatch('judge:update', { campaignId: app.campaignId, judgeId: judge.id, conflictInstitutions: [], conflictEntries: [] }));
    expect(auditOf(app)).toEqual([
      { judgeId: judge.id, added: [{ institution: '四川省人民医院' }], removed: [] },
      { judgeId: judge.id, added: [{ institution: '成都市第一人民医院' }, { regNo: 'SC-0001', reason: '亲属参赛' }], removed: [] },
      { judgeId: judge.id, added: [], removed: [{ institution: '四川省人民医院' }, { institution: '成都市第一人民医院' }, { regNo: 'SC-0001', reason: '亲属参赛' }] },
    ]);
    expect(app.ctx.db.prepare('SELECT count(*) FROM judge_declared_conflicts').pluck().get()).toBe(0);
    // A judge of no campaign of ours is refused.
    expect(await app.dispatch('judge:update', { campaignId: app.campaignId, judgeId: 'j-nobody', name: 'x' })).toMatchObject({ ok: false, error: { code: 'JUDGE_NOT_FOUND' } });
    app.ctx.close();
  });

  it('refuses an unknown registration number, naming it, and writes nothing', async () => {
    const app = await sichuan();
    const refused = await app.dispatch('judge:create', {
      campaignId: app.campaignId,
      name: '冯评委',
      conflictEntries: [{ regNo: 'SC-0001', reason: '' }, { regNo: 'SC-9999', reason: '同事' }],
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'JUDGE_CONFLICT_ENTRY_UNKNOWN', params: { regNo: 'SC-9999' } } });
    expect(app.ctx.db.prepare('SELECT count(*) FROM judges').pluck().get()).toBe(0);
    const judge = await ok<Judge>(app.dispatch('judge:create', { campaignId: app.campaignId, name: '冯评委' }));
    const update = await app.dispatch('judge:update', { campaignId: app.campaignId, judgeId: judge.id, name: '改名', conflictEntries: [{ regNo: 'NOPE', reason: '' }] });
    expect(update).toMatchObject({ ok: false, error: { code: 'JUDGE_CONFLICT_ENTRY_UNKNOWN', params: { regNo: 'NOPE' } } });
    expect(app.ctx.db.prepare('SELECT name FROM judges WHERE id = ?').pluck().get(judge.id)).toBe('冯评委');
    expect(auditOf(app)).toEqual([]);
    app.ctx.close();
  });

  it('never assigns a judge an entry of a declared institution or a declared entry, and says why the entry is short', async () => {
    const app = await sichuan();
    // Six judges for three per entry: without the declarations every judge would be needed.
    const names = ['甲', '乙', '丙', '丁'];
    for (const [i, n] of names.entries()) await ok(app.dispatch('judge:create', { campaignId: app.campaignId, name: `评委${n}`, institution: `其他机构${i}` }));
    const barred = await ok<Judge>(
      app.dispatch('judge:create', {
        campaignId: app.campaignId,
        name: '评委回避',
        institution: '成都医学院',
        conflictInstitutions: ['四川大学 华西医院'],
        conflictEntries: [{ regNo: 'SC-0002', reason: '曾审阅初稿' }],
      }),
    );
    await ok(app.dispatch('assignment:run', { campaignId: app.campaignId, seed: 'roster' }));
    const held = app.ctx.db.prepare('SELECT e.reg_no FROM assignments a JOIN entries e ON e.id = a.entry_id WHERE a.judge_id = ?').pluck().all(barred.id) as string[];
    expect(held.length).toBeGreaterThan(0);
    expect(held).not.toContain('SC-0001'); // entered by 四川大学华西医院
    expect(held).not.toContain('SC-0002'); // declared entry

    // With too few others, the entries are short and the coverage names the declaration.
    const tight = await sichuan();
    await ok(tight.dispatch('judge:create', { campaignId: tight.campaignId, name: '评委甲', institution: '其他机构' }));
    await ok(tight.dispatch('judge:create', { campaignId: tight.campaignId, name: '评委乙', institution: '另一机构' }));
    await ok(tight.dispatch('judge:create', { campaignId: tight.campaignId, name: '评委回避', conflictInstitutions: ['四川大学华西医院'], conflictEntries: [{ regNo: 'SC-0002', reason: '' }] }));
    await ok(tight.dispatch('assignment:run', { campaignId: tight.campaignId, seed: 'roster' }));
    const coverage = await ok<{ short: { regNo: string; reasons: { reason: string; judges: string[] }[] }[] }>(tight.dispatch('assignment:coverage', { campaignId: tight.campaignId }));
    const reasonsOf = (regNo: string) => coverage.short.find((s) => s.regNo === regNo)?.reasons;
    expect(reasonsOf('SC-0001')).toContainEqual({ reason: 'declared_conflict', judges: ['评委回避'] });
    expect(reasonsOf('SC-0002')).toContainEqual({ reason: 'declared_conflict', judges: ['评委回避'] });
    expect(coverage.short.map((s) => s.regNo)).toEqual(expect.arrayContaining(['SC-0001', 'SC-0002']));
    // The entry's judges view marks the conflict too.
    const entry = await ok<{ judges: { name: string; conflict: boolean }[] }>(tight.dispatch('assignment:entry', { campaignId: tight.campaignId, entryId: tight.entryOf('SC-0001') }));
    expect(entry.judges.find((j) => j.name === '评委回避')?.conflict).toBe(true);
    app.ctx.close();
    tight.ctx.close();
  });

  it("does not count an assignment the judge has a conflict with as the judge's work", async () => {
    const app = await sichuan();
    const judge = await ok<Judge>(app.dispatch('judge:create', { campaignId: app.campaignId, name: '评委甲', institution: '其他机构' }));
    for (const regNo of ['SC-0001', 'SC-0002', 'SC-0003']) {
      await ok(app.dispatch('assignment:set', { campaignId: app.campaignId, entryId: app.entryOf(regNo), judgeId: judge.id, assigned: true }));
    }
    const assignedOf = async () => (await ok<{ judges: Judge[] }>(app.dispatch('judge:list', { campaignId: app.campaignId }))).judges.find((j) => j.id === judge.id)!.assigned;
    expect(await assignedOf()).toBe(3);
    // A conflict declared later: the assignment stays on record but is not the judge's work.
    await ok(app.dispatch('judge:update', { campaignId: app.campaignId, judgeId: judge.id, conflictEntries: [{ regNo: 'SC-0002', reason: '亲属参赛' }] }));
    expect(await assignedOf()).toBe(2);
    expect(app.ctx.db.prepare('SELECT count(*) FROM assignments WHERE judge_id = ?').pluck().get(judge.id)).toBe(3);
    app.ctx.close();
  });
});
