// The Setup editor's rounds on the real Sichuan template: a formal check is added before the
// scoring round, renamed, moved, removed; the core's validation agrees with what the editor makes
// (a formal check moved after scoring is refused), and removing the formal check gives back the
// list exactly as it was — no `rounds` key, so saving it changes nothing.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CampaignDefinition, type ListDef } from '../../../src-main/contract';
import { definitionProblems } from '../../../src-main/core/campaigns/validate-definition';
import { addFormalRound, addScoringRound, hasLaterScoringRound, isLaterScoringRound, moveDueDates, moveRound, ownRubric, removeRound, renameRound, setCarryOver, setScoringRound, shortlistRule } from '../../../src-renderer/src/components/setup/round-ops';

const root = path.resolve(import.meta.dirname, '../../..');
function sichuan(): CampaignDefinition {
  const file = JSON.parse(fs.readFileSync(path.join(root, 'resources/templates/sichuan-influence-2023.kepuprog'), 'utf8')) as { definition: unknown };
  return CampaignDefinition.parse(file.definition);
}
const formalName = { 'zh-CN': '形式审查', en: 'Formal check' };
const scoringName = { 'zh-CN': '评审', en: 'Scoring' };

describe('rounds in the Setup draft', () => {
  it('adds a formal check before scoring, renames, moves and removes it; removed, the list is as it was', () => {
    const def = sichuan();
    const list = def.lists[0];
    const added = addFormalRound(list, formalName, scoringName);
    expect(added.rounds?.map((r) => [r.key, r.kind])).toEqual([['formal_check', 'formal'], ['scoring', 'scoring']]);
    const withList = (l: typeof list) => ({ ...def, lists: [l, ...def.lists.slice(1)] });
    expect(definitionProblems(withList(added))).toEqual([]);

    const renamed = renameRound(added, 0, { 'zh-CN': '资格审查', en: 'Eligibility check' });
    expect(renamed.rounds?.[0]).toEqual({ key: 'formal_check', name: { 'zh-CN': '资格审查', en: 'Eligibility check' }, kind: 'formal' });
    const moved = moveRound(renamed, 0, 1);
    expect(moved.rounds?.map((r) => r.kind)).toEqual(['scoring', 'formal']);
    expect(definitionProblems(withList(moved)).map((p) => [p.code, p.path])).toEqual([['DEFINITION_ROUND_FORMAL_ORDER', 'definition.lists.0.rounds.1']]);
    expect(moveRound(moved, 1, 1)).toEqual(moved); // at the end: unchanged

    const removed = removeRound(renamed, 0);
    expect(removed).toEqual(list);
    expect('rounds' in removed).toBe(false);
    expect(JSON.stringify(withList(removed))).toBe(JSON.stringify(def));
  });

  it('keeps a list that already has its own scoring round, and never takes a key twice', () => {
    const list = { ...sichuan().lists[0], rounds: [{ key: 'formal_check', name: scoringName, kind: 'scoring' as const, panel: null, judgesPerEntry: null, rubric: null, dueAt: null, shortlist: null, carryOver: 0 }] };
    const added = addFormalRound(list, formalName, scoringName);
    expect(added.rounds?.map((r) => r.key)).toEqual(['formal_check_2', 'formal_check']);
    expect(removeRound(added, 0)).not.toHaveProperty('rounds');
  });

  it('sets the carry-over of a later scoring round; on the first one the definition check refuses it', () => {
    const def = sichuan();
    const round = (key: string) => ({ key, name: scoringName, kind: 'scoring' as const, panel: null, judgesPerEntry: null, rubric: null, dueAt: null, shortlist: null, carryOver: 0 });
    const list: ListDef = { ...def.lists[0], rounds: [round('first'), round('final')] };
    const withList = (l: ListDef) => ({ ...def, lists: [l, ...def.lists.slice(1)] });
    const carried = setCarryOver(list, 1, 0.3);
    expect(carried.rounds?.map((r) => (r.kind === 'scoring' ? r.carryOver : null))).toEqual([0, 0.3]);
    expect(definitionProblems(withList(carried))).toEqual([]);
    expect(definitionProblems(withList(setCarryOver(list, 0, 0.3))).map((p) => [p.code, p.path])).toEqual([['DEFINITION_ROUND_CARRY_FIRST', 'definition.lists.0.rounds.0.carryOver']]);
    // A formal round has no carry-over: unchanged.
    const formal = addFormalRound(list, formalName, scoringName);
    expect(setCarryOver(formal, 0, 0.3)).toEqual(formal);
  });

  it('adds a final round after a list scored once: the single pass is written out first, keys never repeat', () => {
    const def = sichuan();
    const withList = (l: ListDef) => ({ ...def, lists: [l, ...def.lists.slice(1)] });
    const first = { 'zh-CN': '初评', en: 'First round' };
    const final = { 'zh-CN': '复评', en: 'Final round' };
    const two = addScoringRound(def.lists[0], final, first);
    expect(two.rounds?.map((r) => [r.key, r.kind, r.name.en])).toEqual([['scoring', 'scoring', 'First round'], ['final_round', 'scoring', 'Final round']]);
    expect(definitionProblems(withList(two))).toEqual([]);
    // A third scoring round after those two, and a formal check before: each key is new.
    const three = addScoringRound(addFormalRound(two, formalName, scoringName), final, first);
    expect(three.rounds?.map((r) => r.key)).toEqual(['formal_check', 'scoring', 'final_round', 'final_round_2']);
    expect(definitionProblems(withList(three))).toEqual([]);
    // Only a round with a later scoring round may name a shortlist; only a later one a carry-over.
    expect([0, 1, 2, 3].map((i) => [hasLaterScoringRound(three, i), isLaterScoringRound(three, i)])).toEqual([[true, false], [true, false], [true, true], [false, true]]);
    // Removing the final round gives back the single pass: nothing new is saved.
    expect(removeRound(two, 1)).not.toHaveProperty('rounds');
  });

  it("sets a scoring round's panel, judges per entry, due date, shortlist and own rubric; the definition check agrees", () => {
    const def = sichuan();
    const withList = (l: ListDef) => ({ ...def, lists: [l, ...def.lists.slice(1)] });
    let list = addScoringRound(def.lists[0], { 'zh-CN': '复评', en: 'Final round' }, { 'zh-CN': '初评', en: 'First round' });
    list = setScoringRound(list, 0, 'shortlist', shortlistRule('percent', null, 10));
    list = setScoringRound(list, 1, 'panel', ['j1', 'j2', 'j3']);
    list = setScoringRound(list, 1, 'judgesPerEntry', 2);
    list = setScoringRound(list, 1, 'dueAt', '2024-01-10T18:00:00+08:00');
    list = setScoringRound(list, 1, 'rubric', ownRubric(list));
    expect(list.rounds?.[0]).toMatchObject({ shortlist: { by: 'percent', value: 30 } });
    expect(list.rounds?.[1]).toMatchObject({ panel: ['j1', 'j2', 'j3'], judgesPerEntry: 2, dueAt: '2024-01-10T18:00:00+08:00', rubric: def.lists[0].rubric });
    expect(definitionProblems(withList(list))).toEqual([]);
    // The copy is the round's own: changing it leaves the list's rubric alone.
    const copy = ownRubric(list);
    copy[0].weight = 0.9;
    expect(list.rubric[0].weight).not.toBe(0.9);
    // More judges per entry than the panel has: refused naming the panel.
    expect(definitionProblems(withList(setScoringRound(list, 1, 'judgesPerEntry', 4))).map((p) => [p.code, p.path])).toEqual([['DEFINITION_ROUND_PANEL_SMALL', 'definition.lists.0.rounds.1.panel']]);
    // A shortlist on the last round means nothing: refused.
    expect(definitionProblems(withList(setScoringRound(list, 1, 'shortlist', { by: 'top', value: 5 }))).map((p) => p.code)).toEqual(['DEFINITION_ROUND_SHORTLIST_LAST']);
    // A formal round has none of these settings: unchanged.
    const formal = addFormalRound(list, formalName, scoringName);
    expect(setScoringRound(formal, 0, 'judgesPerEntry', 2)).toEqual(formal);
  });

  it('starts each shortlist kind at a usual number and keeps the number of the same kind', () => {
    expect(shortlistRule('', { by: 'top', value: 7 }, 10)).toBeNull();
    expect(shortlistRule('top', null, 10)).toEqual({ by: 'top', value: 10 });
    expect(shortlistRule('top', { by: 'top', value: 7 }, 10)).toEqual({ by: 'top', value: 7 });
    expect(shortlistRule('percent', { by: 'top', value: 7 }, 10)).toEqual({ by: 'percent', value: 30 });
    expect(shortlistRule('threshold', null, 10)).toEqual({ by: 'threshold', value: 8 });
    expect(shortlistRule('threshold', null, 100)).toEqual({ by: 'threshold', value: 80 });
  });

  it('keeps a due date at the same wall-clock time when the campaign moves time zone', () => {
    const def = sichuan();
    const list = setScoringRound(addScoringRound(def.lists[0], { 'zh-CN': '复评', en: 'Final round' }, { 'zh-CN': '初评', en: 'First round' }), 1, 'dueAt', '2024-01-10T18:00:00+08:00');
    const [moved, untouched] = moveDueDates([list, def.lists[1]], 'Asia/Shanghai', 'Europe/London');
    expect(moved.rounds?.[1]).toMatchObject({ dueAt: '2024-01-10T18:00:00+00:00' });
    expect(untouched).toBe(def.lists[1]);
    // Summer time in London: 18:00 there is +01:00.
    const summer = moveDueDates([setScoringRound(list, 1, 'dueAt', '2024-07-10T18:00:00+08:00')], 'Asia/Shanghai', 'Europe/London')[0];
    expect(summer.rounds?.[1]).toMatchObject({ dueAt: '2024-07-10T18:00:00+01:00' });
  });
});
