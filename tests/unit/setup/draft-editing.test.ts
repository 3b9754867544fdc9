// The Setup editor's draft logic on the real Sichuan template: keys proposed from English names,
// feeds that move a category between lists, references that follow a re-keyed or deleted item,
// and refusal paths read back in the editor's words. Every edited definition is checked with the
// core's own validation, so the editor and the core agree on what is saveable.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CampaignDefinition } from '../../../src-main/contract';
import { createNodeI18n } from '../../../src-main/app/translate';
import { definitionProblems } from '../../../src-main/core/campaigns/validate-definition';
import { cleanKey, followKey, fresh, isFresh, lowerSnake, move, proposeKey } from '../../../src-renderer/src/components/setup/draft-keys';
import { addKind, rekeyCategory, rekeyCertificate, rekeyField, removeCategory, removeKind, setCategories } from '../../../src-renderer/src/components/setup/draft-ops';
import { coverage, owningList, release, take } from '../../../src-renderer/src/components/setup/list-feeds';
import { explainParams, problemPlace } from '../../../src-renderer/src/components/setup/problem-place';

const root = path.resolve(import.meta.dirname, '../../..');
function sichuan(): CampaignDefinition {
  const file = JSON.parse(fs.readFileSync(path.join(root, 'resources/templates/sichuan-influence-2023.kepuprog'), 'utf8')) as { definition: unknown };
  return CampaignDefinition.parse(file.definition);
}
const codes = (def: CampaignDefinition) => definitionProblems(def).map((p) => p.code);

/** Sichuan with a third list (fresh, taking nothing yet) scored on one dimension. */
function withThirdList(def: CampaignDefinition): CampaignDefinition {
  const list = { key: 'video_list', name: { 'zh-CN': '短视频榜', en: 'Video list' }, feeds: [], eligibility: [], certificateKind: null, method: null, tiers: null, rubric: [{ key: 'accuracy', label: { 'zh-CN': '科学性', en: 'Accuracy' }, description: { 'zh-CN': '科学性', en: 'Accuracy' }, weight: 1, scale: { min: 0, max: 10, step: 1 }, anchors: [] }] };
  return { ...def, lists: [...def.lists, list] };
}

describe('keys proposed from English names', () => {
  it('makes lower_snake keys, unique with a suffix, from a fallback when nothing Latin is left', () => {
    expect(lowerSnake('Brand value (2024)')).toBe('brand_value_2024');
    expect(lowerSnake('Café — Résumé')).toBe('cafe_resume');
    expect(lowerSnake('音频')).toBe('');
    expect(proposeKey('Video', ['video'], 'category')).toBe('video_2');
    expect(proposeKey('Video', ['video', 'video_2'], 'category')).toBe('video_3');
    expect(proposeKey('音频', ['category'], 'category')).toBe('category_2');
    expect(proposeKey('2024 Video List', [], 'list')).toBe('list_2024_video_list');
    expect(cleanKey('My Key-1')).toBe('my_key_1');
  });

  it('follows the name while the key is still the proposal, and keeps a key the coordinator typed', () => {
    const taken = ['video'];
    expect(followKey('category', '', 'Audio', taken, 'category')).toBe('audio');
    expect(followKey('audio', 'Audio', 'Audio book', taken, 'category')).toBe('audio_book');
    expect(followKey('sound', 'Audio', 'Audio book', taken, 'category')).toBe('sound');
    expect(followKey('category_2', 'Video', 'Video', ['video'], 'category')).toBe('category_2');
  });

  it('marks fresh items through edits but never in what is saved', () => {
    const item = fresh({ key: 'a', label: { 'zh-CN': '甲', en: 'A' } });
    const edited = { ...item, key: 'b' };
    expect(isFresh(edited)).toBe(true);
    expect(isFresh(JSON.parse(JSON.stringify(edited)) as object)).toBe(false);
    expect(isFresh(structuredClone(edited))).toBe(false);
    expect(move(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
  });
});

describe('list feeds', () => {
  it('moves one category to a new list: the old whole-kind feed keeps the other categories, and the core accepts it', () => {
    const def = take(withThirdList(sichuan()), 2, 'work', ['video']);
    expect(def.lists[0].feeds.find((f) => f.kind === 'work')).toEqual({ kind: 'work', categories: ['graphic', 'cartoon', 'other'] });
    expect(def.lists[2].feeds).toEqual([{ kind: 'work', categories: ['video'] }]);
    expect(owningList(def, 'work', 'video')).toBe(2);
    expect(owningList(def, 'work', 'graphic')).toBe(0);
    expect(coverage(def)).toEqual({ unfed: [], empty: [] });
    expect(codes(def)).toEqual([]);
  });

  it('names what no list takes, as the core would refuse it', () => {
    const base = withThirdList(sichuan());
    expect(coverage(base).empty).toEqual([2]);
    expect(CampaignDefinition.safeParse(base).success).toBe(false); // a list takes at least one feed
    const released = release(take(base, 2, 'work', ['video']), 2, 'work', 'video');
    expect(coverage(released).unfed).toEqual([{ kind: 'work', category: 'video' }]);
    expect(codes({ ...released, lists: released.lists.slice(0, 2) })).toEqual(['DEFINITION_LIST_UNFED']);
  });

  it('takes a whole kind from another list', () => {
    const def = take(withThirdList(sichuan()), 2, 'account', null);
    expect(def.lists[0].feeds.some((f) => f.kind === 'account')).toBe(false);
    expect(def.lists[2].feeds).toEqual([{ kind: 'account', categories: null }]);
    expect(codes(def)).toEqual([]);
  });

  it('does not count retired categories as unfed', () => {
    let def = take(withThirdList(sichuan()), 2, 'work', ['video']);
    def = release(def, 0, 'work', 'other');
    expect(coverage(def).unfed).toEqual([{ kind: 'work', category: 'other' }]);
    const kind = def.entryKinds[0];
    def = setCategories(def, 0, kind.categories.map((c) => (c.key === 'other' ? { ...c, retired: true } : c)));
    expect(coverage(def).unfed).toEqual([]);
    expect(codes(def)).toEqual([]);
  });
});

describe('references follow the items they name', () => {
  it('a new kind joins the first list; removing it removes its feeds', () => {
    const added = addKind(sichuan(), 'applicant', { 'zh-CN': '申报人', en: 'Applicant' });
    expect(added.lists[0].feeds).toContainEqual({ kind: 'applicant', categories: null });
    expect(codes(added)).toEqual([]);
    const removed = removeKind(added, added.entryKinds.length - 1);
    expect(removed.lists[0].feeds.some((f) => f.kind === 'applicant')).toBe(false);
    expect(codes(removed)).toEqual([]);
  });

  it('a fresh category re-keyed or deleted is re-keyed or dropped in the feeds', () => {
    let def = setCategories(sichuan(), 0, [...sichuan().entryKinds[0].categories, fresh({ key: 'category', label: { 'zh-CN': '音频', en: 'Audio' } })]);
    def = take(withThirdList(def), 2, 'work', ['category']);
    def = setCategories(def, 0, def.entryKinds[0].categories.map((c) => (c.key === 'category' ? { ...c, key: 'audio' } : c)));
    def = rekeyCategory(def, 'work', 'category', 'audio');
    expect(def.lists[2].feeds).toEqual([{ kind: 'work', categories: ['audio'] }]);
    expect(codes(def)).toEqual([]);
    const dropped = removeCategory(def, 0, 4);
    expect(dropped.entryKinds[0].categories.map((c) => c.key)).toEqual(['graphic', 'cartoon', 'video', 'other']);
    expect(dropped.lists[2].feeds).toEqual([]);
  });

  it('completeness rules follow a re-keyed or deleted field; lists follow a re-keyed certificate kind', () => {
    const def = sichuan();
    const account = def.entryKinds.findIndex((k) => k.kind === 'account');
    expect(rekeyField(def, account, 'link', 'url').entryKinds[account].rules[0].anyOf).toEqual([{ field: 'url' }, { media: 'screenshot' }]);
    expect(rekeyField(def, account, 'link', null).entryKinds[account].rules[0].anyOf).toEqual([{ media: 'screenshot' }]);
    expect(rekeyCertificate(def, 'brand_award', 'brand_cert').lists[1].certificateKind).toBe('brand_cert');
    expect(rekeyCertificate(def, 'brand_award', null).lists[1].certificateKind).toBeNull();
  });
});

describe('a refusal in the editor\'s words', () => {
  const t = createNodeI18n('en').t;
  it('names the section, the list by its name and the part', () => {
    const def = withThirdList(sichuan());
    expect(problemPlace('definition.lists.2.rubric', def, t, 'en')).toEqual({ section: 'lists', listIndex: 2, text: 'Lists & rubrics › Video list › Rubric' });
    expect(problemPlace('definition.entryKinds.0.fields.1.label.en', def, t, 'en')).toMatchObject({ section: 'fields', kindIndex: 0, text: 'Registration fields › Work › Authors › English' });
    expect(problemPlace('definition.certificates.1', def, t, 'en')?.text).toBe('Certificate kinds › Brand value list certificate');
    expect(problemPlace('definition.mediaRules.video.containers', def, t, 'en')?.section).toBe('media');
    expect(problemPlace('somewhere.else', def, t, 'en')).toBeNull();
  });

  it('turns keys into names and zod wording into the coordinator\'s language', () => {
    const def = sichuan();
    const zh = createNodeI18n('zh-CN').t;
    expect(explainParams({ kind: 'work', category: 'video', path: 'definition.entryKinds.0' }, def, zh, 'zh-CN').params).toEqual({ kind: '科普作品', category: '视频', path: '参评类型与类别 › 科普作品' });
    expect(explainParams({ list: 'brand_value' }, def, t, 'en').params.list).toBe(def.lists[1].name.en);
    expect(explainParams({ path: 'definition.lists.0.rubric.0.label.en', detail: 'Too small: expected string to have >=1 characters' }, def, t, 'en').params.detail).toBe('it is empty; fill it in');
  });
});
