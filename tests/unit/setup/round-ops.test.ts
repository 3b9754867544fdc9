// The Setup editor's rounds on the real Sichuan template: a formal check is added before the
// scoring round, renamed, moved, removed; the core's validation agrees with what the editor makes
// (a formal check moved after scoring is refused), and removing the formal check gives back the
// list exactly as it was — no `rounds` key, so saving it changes nothing.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CampaignDefinition, type ListDef } from '../../../src-main/contract';
import { definitionProblems } from '../../../src-main/core/campaigns/validate-definition';
import { addFormalRound, moveRound, removeRound, renameRound, setCarryOver } from '../../../src-renderer/src/components/setup/round-ops';

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
});
