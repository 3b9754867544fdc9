// The formal check round (形式审查) over the merged sample, on a real SQLite file: a list gets a
// formal round before its scoring round; its entries come with what the app found (failing
// media, unmet completeness rules, empty required fields) as a suggestion; verdicts are appended
// with their audit rows (history kept, the newest applies); an entry not passed is held from the
// ranking under its own flag, and a published result still verifies exactly.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditPage, CampaignDefinition, FormalCheckEntry, FormalCheckView, RankingSummary, RoundListView, SnapshotInfo, SnapshotVerification } from '../../../src-main/contract';
import { ok, openMergedSample } from '../../helpers';

type RankingListResult = { rows: { entryId: number; regNo: string; flags: { code: string; params: Record<string, string | number> }[] }[] };

const formal = { key: 'formal', name: { 'zh-CN': '形式审查', en: 'Formal check' }, kind: 'formal' as const };
const scoring = { key: 'first', name: { 'zh-CN': '初评', en: 'First round' }, kind: 'scoring' as const, panel: null, judgesPerEntry: null, rubric: null, dueAt: null, shortlist: null, carryOver: 0 };

async function withFormalRound() {
  const app = await openMergedSample();
  const campaignId = app.works.id;
  const before = await ok<RankingSummary>(app.dispatch('ranking:summary', { campaignId }));
  const def = app.ctx.campaigns.definition(campaignId);
  const next: CampaignDefinition = { ...def, lists: def.lists.map((l, i) => (i === 0 ? { ...l, rounds: [formal, scoring] } : l)) };
  await ok(app.dispatch('campaign:updateDefinition', { campaignId, definition: next, reason: 'formal check before the first round' }));
  return { ...app, campaignId, before };
}

async function heldRows(app: Awaited<ReturnType<typeof withFormalRound>>) {
  const summary = await ok<RankingSummary>(app.dispatch('ranking:summary', { campaignId: app.campaignId }));
  const rows: RankingListResult['rows'] = [];
  for (const c of summary.categories) {
    const held = await ok<RankingListResult>(app.dispatch('ranking:list', { campaignId: app.campaignId, kind: c.kind, category: c.category, section: 'held', offset: 0, limit: 500 }));
    rows.push(...held.rows);
  }
  return { summary, rows };
}

describe('the formal check round', () => {
  it('lists the entries of lists with a formal round, with suggestions; verdicts, history, audit and ranking holds', async () => {
    const app = await withFormalRound();
    const view = await ok<FormalCheckView>(app.dispatch('formalCheck:list', { campaignId: app.campaignId }));
    expect(view.rounds).toEqual([{ list: 'influence', listName: app.ctx.campaigns.definition(app.campaignId).lists[0].name, round: 'formal', name: formal.name }]);
    // Every entry of the influence list (works, accounts, individuals), none of the brand list.
    const influence = app.ctx.db.prepare(`SELECT count(*) FROM entries WHERE campaign_id = ? AND kind IN ('work', 'account', 'individual')`).pluck().get(app.campaignId) as number;
    expect(view.entries.length).toBe(influence);
    expect(view.entries.every((e) => e.list === 'influence' && e.round === 'formal' && e.current === null && e.history.length === 0)).toBe(true);
    expect(view.counts).toEqual({ unchecked: influence, pass: 0, fail: 0, fix_needed: 0 });

    // The suggestions agree with what the ranking held for media and completeness before.
    const flagged = new Map<string, string[]>();
    const summaryBefore = app.before;
    for (const c of summaryBefore.categories) {
      const held = await ok<RankingListResult>(app.dispatch('ranking:list', { campaignId: app.campaignId, kind: c.kind, category: c.category, section: 'held', offset: 0, limit: 500 }));
      for (const r of held.rows) flagged.set(r.regNo, r.flags.map((f) => f.code));
    }
    const media = view.entries.filter((e) => e.suggestion.items.some((i) => i.code === 'media'));
    const rules = view.entries.filter((e) => e.suggestion.items.some((i) => i.code === 'entry_rule'));
    expect(media.length + rules.length).toBeGreaterThan(0);
    const byRegNo = new Map(view.entries.map((e) => [e.regNo, e]));
    for (const [regNo, codes] of flagged) {
      const items = byRegNo.get(regNo)?.suggestion.items.map((i) => i.code) ?? [];
      if (codes.includes('non_compliant_media')) expect(items).toContain('media');
      if (codes.includes('entry_rule')) expect(items).toContain('entry_rule');
    }
    expect(media.every((e) => flagged.get(e.regNo)?.includes('non_compliant_media'))).toBe(true);
    for (const e of view.entries) expect(e.suggestion.verdict).toBe(e.suggestion.items.length > 0 ? 'fix_needed' : 'pass');

    // Now every influence entry is held: nobody checked it yet.
    const unchecked = await heldRows(app);
    const formalHeld = unchecked.rows.filter((r) => r.flags.some((f) => f.code === 'formal_check'));
    expect(formalHeld.length).toBe(influence);
    expect(formalHeld[0].flags.find((f) => f.code === 'formal_check')!.params).toMatchObject({ verdict: 'unchecked', 'outcome@en': 'not checked yet', 'outcome@zh-CN': '尚未审查' });

    // A reason is required for fail and fix needed; an entry of the brand list has no formal round.
    const target = view.entries.find((e) => e.suggestion.verdict === 'pass')!;
    const noReason = await app.dispatch('formalCheck:set', { campaignId: app.campaignId, entryId: target.entryId, verdict: 'fail', reason: '  ' });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'FORMAL_CHECK_REASON_REQUIRED' } });
    const brandEntry = app.ctx.db.prepare(`SELECT id FROM entries WHERE campaign_id = ? AND kind = 'brand' LIMIT 1`).pluck().get(app.campaignId) as number | undefined;
    if (brandEntry !== undefined) {
      expect(await app.dispatch('formalCheck:set', { campaignId: app.campaignId, entryId: brandEntry, verdict: 'pass' })).toMatchObject({ ok: false, error: { code: 'FORMAL_CHECK_NO_ROUND' } });
    }

    // Accepting suggestions passes exactly the unchecked entries with nothing found.
    const clean = view.entries.filter((e) => e.suggestion.verdict === 'pass').length;
    expect(await ok<{ passed: number }>(app.dispatch('formalCheck:acceptSuggestions', { campaignId: app.campaignId }))).toEqual({ passed: clean });
    expect(await ok<{ passed: number }>(app.dispatch('formalCheck:acceptSuggestions', { campaignId: app.campaignId }))).toEqual({ passed: 0 });

    // Then one of them fails, with a reason: history newest first, the newest applies.
    const roundOne = async () => (await ok<RoundListView>(app.dispatch('round:list', { campaignId: app.campaignId }))).lists[0].rounds[0].counts;
    const countsBefore = await roundOne();
    const assignedToTarget = app.ctx.db.prepare('SELECT count(*) FROM assignments WHERE entry_id = ? AND round_no = 1').pluck().get(target.entryId) as number;
    const completeOfTarget = app.ctx.db.prepare(`SELECT count(*) FROM reviews WHERE entry_id = ? AND round_no = 1 AND status = 'complete'`).pluck().get(target.entryId) as number;
    expect(assignedToTarget).toBeGreaterThan(0);
    const failed = await ok<FormalCheckEntry>(app.dispatch('formalCheck:set', { campaignId: app.campaignId, entryId: target.entryId, verdict: 'fail', reason: '作者未签署承诺书' }));
    expect(failed.current).toMatchObject({ verdict: 'fail', reason: '作者未签署承诺书', by: 'local' });
    expect(failed.history.map((h) => h.verdict)).toEqual(['fail', 'pass']);
    // The Overview's rounds strip no longer counts the failed entry's assignments in round 1 (it is in no round).
    expect(await roundOne()).toEqual({ assigned: countsBefore.assigned - assignedToTarget, complete: countsBefore.complete - completeOfTarget });
    const rows = app.ctx.db.prepare('SELECT verdict, reason FROM formal_checks WHERE entry_id = ? ORDER BY id').all(target.entryId);
    expect(rows).toEqual([{ verdict: 'pass', reason: '' }, { verdict: 'fail', reason: '作者未签署承诺书' }]);
    // The table is append-only.
    expect(() => app.ctx.db.prepare(`UPDATE formal_checks SET verdict = 'pass' WHERE entry_id = ?`).run(target.entryId)).toThrow(/cannot be changed/);

    const after = await ok<FormalCheckView>(app.dispatch('formalCheck:list', { campaignId: app.campaignId }));
    expect(after.counts).toEqual({ unchecked: influence - clean, pass: clean - 1, fail: 1, fix_needed: 0 });

    // Audit: one row per verdict, subject the campaign.
    const audit = await ok<AuditPage>(app.dispatch('audit:list', { campaignId: app.campaignId, actions: ['formalCheck.set'] }));
    expect(audit.total).toBe(clean + 1);
    expect(audit.rows[0].details).toMatchObject({ regNo: target.regNo, round: 'formal', verdict: 'fail', reason: '作者未签署承诺书' });

    // Ranking: the failed entry is held with its reason; passed entries are not held by the formal check.
    const ranking = await heldRows(app);
    const failedRow = ranking.rows.find((r) => r.entryId === target.entryId)!;
    expect(failedRow.flags.find((f) => f.code === 'formal_check')!.params).toMatchObject({ verdict: 'fail', reason: '作者未签署承诺书', 'outcome@en': 'failed (作者未签署承诺书)' });
    const passedIds = new Set(after.entries.filter((e) => e.current?.verdict === 'pass').map((e) => e.entryId));
    expect(ranking.rows.filter((r) => passedIds.has(r.entryId) && r.flags.some((f) => f.code === 'formal_check'))).toEqual([]);
    expect(ranking.rows.filter((r) => r.flags.some((f) => f.code === 'formal_check')).length).toBe(influence - clean + 1);

    // Published and verified exactly; a verdict after publishing needs agreement first.
    await ok(app.dispatch('identity:create', { name: '王协调', passphrase: 'correct horse battery' }));
    const lock = await ok<SnapshotInfo>(app.dispatch('ranking:lock', { campaignId: app.campaignId }));
    expect(lock.heldCount).toBe(ranking.summary.counts.held);
    const verified = await ok<SnapshotVerification>(app.dispatch('ranking:verify', { campaignId: app.campaignId, snapshotId: lock.id }));
    expect(verified).toMatchObject({ equal: true, signatureValid: true });
    const late = await app.dispatch('formalCheck:set', { campaignId: app.campaignId, entryId: target.entryId, verdict: 'pass' });
    expect(late).toMatchObject({ ok: false, error: { code: 'RESULT_PUBLISHED' } });

    // A campaign's backup carries its verdicts: deleted and restored, the history and the published result are intact.
    const verdicts = () => app.ctx.db.prepare('SELECT * FROM formal_checks WHERE campaign_id = ? ORDER BY id').all(app.campaignId);
    const kept = verdicts();
    const name = app.ctx.campaigns.summary(app.campaignId).name;
    const deleted = await ok<{ backupFile: string }>(app.dispatch('campaign:delete', { campaignId: app.campaignId, confirmName: name.en }));
    expect(verdicts()).toEqual([]);
    await ok(app.dispatch('campaign:restore', { file: { fileName: path.basename(deleted.backupFile), contentBase64: fs.readFileSync(deleted.backupFile).toString('base64') } }));
    expect(verdicts()).toEqual(kept);
    expect(await ok<SnapshotVerification>(app.dispatch('ranking:verify', { campaignId: app.campaignId, snapshotId: lock.id }))).toMatchObject({ equal: true });
    app.ctx.close();
  });

  it('changes nothing for a list without rounds', async () => {
    const app = await openMergedSample();
    const view = await ok<FormalCheckView>(app.dispatch('formalCheck:list', { campaignId: app.works.id }));
    expect(view).toEqual({ rounds: [], entries: [], counts: { unchecked: 0, pass: 0, fail: 0, fix_needed: 0 } });
    const summary = await ok<RankingSummary>(app.dispatch('ranking:summary', { campaignId: app.works.id }));
    expect(summary.counts).toMatchObject({ entries: 32, ranked: 27, held: 5 });
    app.ctx.close();
  });
});
