// Per-entry decisions over the merged sample (issue 14): each kind changes the ranking the way the
// decision service says and is explained in the entry's ranking view; invalid combinations are
// refused with their own codes; the history is kept and every decision is an audit row on the
// hash chain; a locked result records the decisions in effect and verifies, and a decision taken
// after locking makes verification name inputs.decisions.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditCheckView, AuditPage, CampaignSummary, EntryDecisionState, ExportFile, RankingEntryDetail, SnapshotInfo, SnapshotVerification } from '../../../src-main/contract';
import { recordDecision } from '../../../src-main/core/decisions/decision-service';
import { loadSnapshot } from '../../../src-main/core/ranking/snapshot-store';
import { ok, openTestApp } from '../../helpers';

async function mergedSample() {
  const app = openTestApp();
  const works = await ok<CampaignSummary>(app.dispatch('demo:load', {}));
  const read = (dir: string) => fs.readdirSync(path.join(app.dataDir, dir)).map((f) => ({ fileName: f, contentBase64: fs.readFileSync(path.join(app.dataDir, dir, f)).toString('base64') }));
  await ok(app.dispatch('bundle:merge', { campaignId: works.id, files: read('sample-bundles') }));
  return { ...app, works };
}

describe('per-entry decisions', () => {
  let app: Awaited<ReturnType<typeof mergedSample>>;
  let id: (regNo: string) => number;
  const set = (regNo: string, kind: string, reason: string) => app.dispatch('decision:set', { campaignId: app.works.id, entryId: id(regNo), kind, reason });
  /** The ranked registration numbers, in order, of the category the entry is in (ranked or held). */
  const orderOf = (regNo: string) => {
    for (const c of app.ctx.ranking.compute(app.works.id).outcome.categories) {
      const list = c.lists[c.method]!;
      if ([...list.ranked, ...list.held].some((r) => r.regNo === regNo)) return list.ranked.map((r) => r.regNo);
    }
    throw new Error(`${regNo} is in no category`);
  };
  // The sample's judges and assignment differ per data folder (random ids), so which entry leads a
  // category is not fixed: each test takes the order before a decision and compares with it.
  let before0004: string[] = [];
  const placeOf = (regNo: string) => {
    const computed = app.ctx.ranking.compute(app.works.id);
    for (const c of computed.outcome.categories) {
      const list = c.lists[c.method]!;
      const ranked = list.ranked.find((r) => r.regNo === regNo);
      if (ranked) return { rank: ranked.rank, flags: [] as unknown[] };
      const held = list.held.find((h) => h.regNo === regNo);
      if (held) return { rank: null, flags: held.flags };
    }
    throw new Error(`${regNo} not ranked`);
  };
  const detail = (regNo: string) => ok<RankingEntryDetail>(app.dispatch('ranking:entry', { campaignId: app.works.id, entryId: id(regNo) }));

  beforeAll(async () => {
    app = await mergedSample();
    const ids = new Map(app.ctx.db.prepare('SELECT reg_no, id FROM entries WHERE campaign_id = ?').raw(true).all(app.works.id) as [string, number][]);
    id = (regNo) => ids.get(regNo)!;
    await ok(app.dispatch('identity:create', { name: '王协调', passphrase: 'correct horse battery' }));
  });

  it('a result locked before any decision has no decisions input, and a decision after it is named by verify', async () => {
    const lock = await ok<SnapshotInfo>(app.dispatch('ranking:lock', { campaignId: app.works.id }));
    expect(loadSnapshot(app.ctx.db, app.works.id, lock.id).bytes.toString('utf8')).not.toContain('"decisions"');
    expect(await ok<SnapshotVerification>(app.dispatch('ranking:verify', { campaignId: app.works.id, snapshotId: lock.id }))).toMatchObject({ equal: true });
    // Published: a decision now moves the live ranking, so it needs the coordinator's agreement.
    expect(await set('SC2023-0004', 'disqualify', '抄袭')).toMatchObject({ ok: false, error: { code: 'RESULT_PUBLISHED', params: { input: 'decisions' } } });
    await ok(app.dispatch('ranking:allowChanges', { campaignId: app.works.id }));
    before0004 = orderOf('SC2023-0004');
    expect(before0004).toContain('SC2023-0004');
    await ok(set('SC2023-0004', 'disqualify', '抄袭他人作品 (plagiarism)'));
    const after = await ok<SnapshotVerification>(app.dispatch('ranking:verify', { campaignId: app.works.id, snapshotId: lock.id }));
    expect(after).toMatchObject({ equal: false, difference: { path: 'inputs.decisions', locked: '—' } });
    expect(after.difference!.recomputed).toContain('抄袭他人作品');
  });

  it('disqualify and withdraw hold the entry with the reason and who; the others move up', async () => {
    expect(placeOf('SC2023-0004')).toEqual({ rank: null, flags: [{ code: 'disqualified', params: { reason: '抄袭他人作品 (plagiarism)', by: '王协调' } }] });
    // Everyone else keeps their order; those behind the disqualified entry move up one place.
    expect(orderOf('SC2023-0004')).toEqual(before0004.filter((r) => r !== 'SC2023-0004'));
    expect(placeOf(before0004.find((r) => r !== 'SC2023-0004')!).rank).toBe(1);
    const held = await detail('SC2023-0004');
    expect(held.row.rank).toBeNull();
    expect(held.decisions).toMatchObject([{ kind: 'disqualify', reason: '抄袭他人作品 (plagiarism)', actor: '王协调' }]);

    const before0007 = orderOf('SC2023-0007');
    expect(placeOf('SC2023-0007').rank).not.toBeNull();
    await ok(set('SC2023-0007', 'withdraw', '作者申请撤回'));
    expect(placeOf('SC2023-0007')).toEqual({ rank: null, flags: [{ code: 'withdrawn', params: { reason: '作者申请撤回', by: '王协调' } }] });
    expect(orderOf('SC2023-0007')).toEqual(before0007.filter((r) => r !== 'SC2023-0007'));
  });

  it('accept-late ranks a late entry and the ranking explains it; waive-media ranks an entry with a failing file', async () => {
    expect(placeOf('SC2023-0018').flags).toMatchObject([{ code: 'late' }]);
    await ok(set('SC2023-0018', 'accept-late', '邮件服务器故障，已核实'));
    expect(placeOf('SC2023-0018').rank).not.toBeNull();
    const late = await detail('SC2023-0018');
    expect(late.row.rank).not.toBeNull();
    expect(late.timing).toBe('late');
    expect(late.decisions).toMatchObject([{ kind: 'accept-late', reason: '邮件服务器故障，已核实', actor: '王协调' }]);
    expect(late.decisions[0].at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    // The other late entries stay held: the global policy is unchanged.
    expect(placeOf('SC2023-0017').flags).toMatchObject([{ code: 'late' }]);

    expect(placeOf('SC2023-0011').flags).toMatchObject([{ code: 'non_compliant_media' }]);
    await ok(set('SC2023-0011', 'waive-media', '码率略高，不影响观看'));
    expect(placeOf('SC2023-0011').rank).not.toBeNull();
    expect(placeOf('SC2023-0013').flags).toMatchObject([{ code: 'non_compliant_media' }]);

    // The exports say why these ranked entries have a place: a column on their rows (CSV, XLSX),
    // a sheet with reason, who and when (XLSX) and a section of the PDF report.
    const csv = await ok<ExportFile>(app.dispatch('ranking:export', { campaignId: app.works.id, format: 'csv' }));
    const csvRows = fs.readFileSync(csv.savedTo, 'utf8').split(/\r?\n(?=")/);
    expect(csvRows[0]).toContain('处理决定 / Decisions');
    expect(csvRows.find((r) => r.includes('SC2023-0018'))).toContain('Late submission accepted: 邮件服务器故障，已核实');
    expect(csvRows.find((r) => r.includes('SC2023-0011'))).toContain('已豁免媒体问题：码率略高，不影响观看');
    const xlsx = await ok<ExportFile>(app.dispatch('ranking:export', { campaignId: app.works.id, format: 'xlsx' }));
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx.savedTo);
    const sheet = book.getWorksheet('处理决定 Decisions')!;
    // One row per decision in effect (the earlier tests' disqualification and withdrawal too).
    const inEffect = [...app.ctx.ranking.compute(app.works.id).decisions.values()].flat();
    expect(sheet.rowCount).toBe(1 + inEffect.length);
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2).values as unknown[]);
    expect(rows.find((r) => r.includes('SC2023-0011'))).toEqual(expect.arrayContaining(['已豁免媒体问题 / Media fault waived', '码率略高，不影响观看']));
    expect(rows.find((r) => r.includes('SC2023-0018'))).toEqual(expect.arrayContaining(['已接受逾期提交 / Late submission accepted', '邮件服务器故障，已核实']));
    const pdf = await ok<ExportFile>(app.dispatch('ranking:export', { campaignId: app.works.id, format: 'pdf' }));
    const text = execFileSync('pdftotext', ['-layout', pdf.savedTo, '-'], { encoding: 'utf8' });
    expect(text).toContain('Decisions on entries');
    expect(text).toMatch(/SC2023-0018 · Late submission accepted — 邮件服务器故障，已核实 \(王协调, /);
  });

  it('refuses combinations that do not apply, each with its own code', async () => {
    const code = async (p: Promise<unknown>) => ((await p) as { error?: { code: string } }).error?.code;
    expect(await code(set('SC2023-0004', 'disqualify', '再次'))).toBe('DECISION_ALREADY_IN_EFFECT');
    expect(await code(set('SC2023-0004', 'withdraw', '再次'))).toBe('DECISION_ALREADY_IN_EFFECT');
    expect(await code(set('SC2023-0001', 'accept-late', '按时提交的'))).toBe('DECISION_ENTRY_NOT_LATE');
    expect(await code(set('SC2023-0012', 'waive-media', '无问题'))).toBe('DECISION_NO_MEDIA_FAULT');
    expect(await code(set('SC2023-0001', 'reinstate', '无可恢复'))).toBe('DECISION_NOTHING_TO_CANCEL');
    expect(await code(set('SC2023-0018', 'accept-late', '再次'))).toBe('DECISION_ALREADY_IN_EFFECT');
    expect(await code(set('SC2023-0001', 'disqualify', '   '))).toBe('INVALID_REQUEST');
    expect(() => recordDecision(app.ctx.db, { campaignId: app.works.id, entryId: id('SC2023-0001'), kind: 'disqualify', reason: ' ', actor: 'x' })).toThrow(
      expect.objectContaining({ code: 'DECISION_REASON_REQUIRED' }),
    );
    const state = await ok<EntryDecisionState[]>(app.dispatch('decision:list', { campaignId: app.works.id, entryId: id('SC2023-0001') }));
    expect(state).toEqual([{ entryId: id('SC2023-0001'), regNo: 'SC2023-0001', current: [], history: [], allowed: ['disqualify', 'withdraw'] }]);
  });

  it('reinstate returns the entry to its natural state and keeps the history; every decision is on the audit chain', async () => {
    await ok(set('SC2023-0018', 'reinstate', '复核：故障未获证实'));
    expect(placeOf('SC2023-0018').flags).toMatchObject([{ code: 'late' }]);
    const [state] = await ok<EntryDecisionState[]>(app.dispatch('decision:list', { campaignId: app.works.id, entryId: id('SC2023-0018') }));
    expect(state.current).toEqual([]);
    expect(state.history.map((d) => [d.kind, d.reason])).toEqual([
      ['accept-late', '邮件服务器故障，已核实'],
      ['reinstate', '复核：故障未获证实'],
    ]);
    expect(state.allowed).toEqual(['disqualify', 'withdraw', 'accept-late']);
    const all = await ok<EntryDecisionState[]>(app.dispatch('decision:list', { campaignId: app.works.id }));
    expect(all.map((s) => s.regNo)).toEqual(['SC2023-0004', 'SC2023-0007', 'SC2023-0011', 'SC2023-0018']);

    const audit = await ok<AuditPage>(app.dispatch('audit:list', { campaignId: app.works.id, actions: ['entry.decision'] }));
    expect(audit.total).toBe(5);
    expect(audit.rows[0]).toMatchObject({ actor: '王协调', details: { regNo: 'SC2023-0018', kind: 'reinstate', reason: '复核：故障未获证实', cancels: [{ kind: 'accept-late' }] } });
    expect(audit.rows.every((r) => r.hash !== null)).toBe(true);
    expect(await ok<AuditCheckView>(app.dispatch('audit:verify', {}))).toMatchObject({ intact: true });
    // Append only: a recorded decision cannot be changed.
    expect(() => app.ctx.db.prepare(`UPDATE entry_decisions SET reason = 'x'`).run()).toThrow(/cannot be changed/);
  });

  it('a result locked with decisions in effect verifies; a later decision makes verify name inputs.decisions', async () => {
    const lock = await ok<SnapshotInfo>(app.dispatch('ranking:lock', { campaignId: app.works.id }));
    const { snapshot } = loadSnapshot(app.ctx.db, app.works.id, lock.id);
    expect(snapshot.inputs.decisions!.map((d) => [d.regNo, d.kind])).toEqual([
      ['SC2023-0004', 'disqualify'],
      ['SC2023-0007', 'withdraw'],
      ['SC2023-0011', 'waive-media'],
    ]);
    expect(await ok<SnapshotVerification>(app.dispatch('ranking:verify', { campaignId: app.works.id, snapshotId: lock.id }))).toMatchObject({ equal: true, signatureValid: true });
    await ok(app.dispatch('ranking:allowChanges', { campaignId: app.works.id }));
    await ok(set('SC2023-0011', 'reinstate', '复核：文件确不合规'));
    const changed = await ok<SnapshotVerification>(app.dispatch('ranking:verify', { campaignId: app.works.id, snapshotId: lock.id }));
    expect(changed.equal).toBe(false);
    expect(changed.difference!.path).toMatch(/^inputs\.decisions/);
  });
});
