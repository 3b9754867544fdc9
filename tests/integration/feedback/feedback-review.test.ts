// The coordinator's review of entrant feedback (issue 19): anonymous labels in a stable order,
// nothing shared until chosen, an edited copy beside the judge's signed text (which never changes),
// holding an entry's feedback back, and an audit row with who, when and why for every change.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EntryFeedback } from '../../../src-main/contract';
import { sharedFeedback } from '../../../src-main/core/feedback/feedback-review';
import { ok, openMergedSample } from '../../helpers';

async function sampleWithFeedback() {
  const app = await openMergedSample();
  // The sample's entry with the most comments for the entrant.
  const entryId = app.ctx.db
    .prepare(`SELECT c.entry_id FROM comments c JOIN entries e ON e.id = c.entry_id WHERE e.campaign_id = ? AND c.entrant_body <> ''
              GROUP BY c.entry_id ORDER BY count(*) DESC, c.entry_id LIMIT 1`)
    .pluck()
    .get(app.works.id) as number;
  const signedTexts = () => app.ctx.db.prepare('SELECT judge_id, round_no, body, entrant_body FROM comments WHERE entry_id = ? ORDER BY judge_id').all(entryId);
  const auditRows = () =>
    app.ctx.db.prepare(`SELECT actor, action, details_json FROM audit_log WHERE action LIKE 'feedback.%' ORDER BY id`).all() as { actor: string; action: string; details_json: string }[];
  return { ...app, entryId, ref: { campaignId: app.works.id, entryId }, signedTexts, auditRows };
}

describe('entrant feedback review', () => {
  it('labels judges A, B… in a stable order and shares nothing until the coordinator chooses', async () => {
    const app = await sampleWithFeedback();
    const feedback = await ok<EntryFeedback>(app.dispatch('feedback:get', app.ref));
    expect(feedback.comments.length).toBeGreaterThanOrEqual(2);
    expect(feedback.comments.map((c) => c.label)).toEqual(feedback.comments.map((_, i) => String.fromCharCode(65 + i)));
    expect(feedback.comments.map((c) => c.judgeId)).toEqual([...feedback.comments.map((c) => c.judgeId)].sort());
    expect(feedback.comments.every((c) => !c.shared && c.editedText === null && c.changedBy === null)).toBe(true);
    expect(feedback.held).toBeNull();
    expect(sharedFeedback(app.ctx.db, app.works.id, app.entryId)).toEqual([]);
    expect(await ok<EntryFeedback>(app.dispatch('feedback:get', app.ref))).toEqual(feedback);
    app.ctx.close();
  });

  it('keeps the signed text unchanged beside an edited copy, holds and releases, and audits every change', async () => {
    const app = await sampleWithFeedback();
    const before = app.signedTexts();
    const [a, b] = (await ok<EntryFeedback>(app.dispatch('feedback:get', app.ref))).comments;
    await ok(app.dispatch('feedback:choose', { ...app.ref, judgeId: a.judgeId, roundNo: a.roundNo, shared: true, editedText: null }));
    // Editing the copy needs a reason.
    expect(await app.dispatch('feedback:choose', { ...app.ref, judgeId: b.judgeId, roundNo: b.roundNo, shared: true, editedText: 'Typo fixed.' })).toMatchObject({
      ok: false,
      error: { code: 'FEEDBACK_REASON_REQUIRED' },
    });
    const edited = await ok<EntryFeedback>(
      app.dispatch('feedback:choose', { ...app.ref, judgeId: b.judgeId, roundNo: b.roundNo, shared: true, editedText: 'Typo fixed in the copy.', reason: '错别字 typo' }),
    );
    expect(edited.comments[1]).toMatchObject({ label: 'B', signedText: b.signedText, editedText: 'Typo fixed in the copy.', shared: true, changedBy: expect.any(String) });
    expect(app.signedTexts()).toEqual(before);
    expect(sharedFeedback(app.ctx.db, app.works.id, app.entryId)).toEqual([
      { label: 'A', text: a.signedText },
      { label: 'B', text: 'Typo fixed in the copy.' },
    ]);

    expect(await app.dispatch('feedback:hold', { ...app.ref, hold: true, reason: ' ' })).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    const held = await ok<EntryFeedback>(app.dispatch('feedback:hold', { ...app.ref, hold: true, reason: 'entrant under investigation' }));
    expect(held.held).toMatchObject({ reason: 'entrant under investigation' });
    expect(sharedFeedback(app.ctx.db, app.works.id, app.entryId)).toEqual([]);
    await ok(app.dispatch('feedback:hold', { ...app.ref, hold: false, reason: 'cleared' }));
    expect(sharedFeedback(app.ctx.db, app.works.id, app.entryId)).toHaveLength(2);
    expect(app.signedTexts()).toEqual(before);

    const audit = app.auditRows();
    expect(audit.map((r) => r.action)).toEqual(['feedback.choose', 'feedback.choose', 'feedback.hold', 'feedback.release']);
    expect(JSON.parse(audit[1].details_json)).toMatchObject({ judge: 'B', shared: true, editedBefore: null, editedAfter: 'Typo fixed in the copy.', reason: '错别字 typo' });
    expect(JSON.parse(audit[2].details_json)).toMatchObject({ entryId: app.entryId, reason: 'entrant under investigation' });
    // The audit chain still verifies with the new rows in it.
    expect(await ok<{ problem: unknown }>(app.dispatch('audit:verify', {}))).toMatchObject({ problem: null, missingGuards: [] });
    app.ctx.close();
  });

  it('survive deleting the campaign and restoring it from its backup', async () => {
    const app = await sampleWithFeedback();
    const [a] = (await ok<EntryFeedback>(app.dispatch('feedback:get', app.ref))).comments;
    await ok(app.dispatch('feedback:choose', { ...app.ref, judgeId: a.judgeId, roundNo: a.roundNo, shared: true, editedText: 'Kept through a backup.', reason: 'typo' }));
    await ok(app.dispatch('feedback:hold', { ...app.ref, hold: true, reason: 'pending a check' }));
    const before = await ok<EntryFeedback>(app.dispatch('feedback:get', app.ref));
    const deleted = await ok<{ backupFile: string }>(app.dispatch('campaign:delete', { campaignId: app.works.id, confirmName: app.ctx.campaigns.summary(app.works.id).name.en }));
    expect(await app.dispatch('feedback:get', app.ref)).toMatchObject({ ok: false });
    await ok(app.dispatch('campaign:restore', { file: { fileName: path.basename(deleted.backupFile), contentBase64: fs.readFileSync(deleted.backupFile).toString('base64') } }));
    expect(await ok<EntryFeedback>(app.dispatch('feedback:get', app.ref))).toEqual(before);
    app.ctx.close();
  });
});
