// Issue 15, defaults that contradicted each other: the works template assigns 3 judges per entry,
// but the default published method was the trimmed mean, which needs 5, so it published a plain
// mean under the trimmed mean's name. The defaults must agree for every built-in template: the
// method a list is published by by default can be computed with the panels its rounds assign, and
// the committee list is ordered by that same method.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CampaignDefinition } from '../../../src-main/contract';
import { roundsOf } from '../../../src-main/contract/lists';
import { TemplateCatalog } from '../../../src-main/core/campaigns/templates';
import { parseRankingConfig } from '../../../src-main/core/ranking/config';
import { defaultRankingConfig, smallestDefaultPanel } from '../../../src-main/core/ranking/default-config';
import { resourcesDir } from '../../helpers';

const catalog = new TemplateCatalog(path.join(resourcesDir, 'templates'));

/** Every panel size each list's rounds assign (the campaign's when a round states none). */
function panels(def: CampaignDefinition, list: CampaignDefinition['lists'][number]): number[] {
  const scoring = roundsOf(list).filter((r) => r.kind === 'scoring');
  return scoring.length === 0 ? [def.judgesPerEntry] : scoring.map((r) => r.judgesPerEntry ?? def.judgesPerEntry);
}

describe('default ranking settings agree with the templates', () => {
  for (const template of catalog.list()) {
    it(`${template.id}: the default method can be computed with the judges each list assigns`, () => {
      const def = catalog.get(template.id).definition;
      const config = defaultRankingConfig(def);
      for (const list of def.lists) {
        const method = list.method ?? config.primary;
        if (method === 'trimmed') for (const n of panels(def, list)) expect(n, `${list.key}: trimmed mean with ${n} judges`).toBeGreaterThanOrEqual(config.trimMinJudges);
      }
      // The committee list is ordered by the method the ranking table beside it shows.
      expect(config.committee.method).toBe(config.primary);
    });
  }

  it('the works template (3 judges) publishes the mean; the committee template (5 judges) the trimmed mean', () => {
    const works = defaultRankingConfig(catalog.get('sichuan-influence-2023').definition);
    expect(catalog.get('sichuan-influence-2023').definition.judgesPerEntry).toBe(3);
    expect(works.primary).toBe('mean');
    const committee = defaultRankingConfig(catalog.get('caca-committee-2021').definition);
    expect(committee.primary).toBe('trimmed');
    expect(committee.committee.method).toBe('trimmed');
  });

  it('a round with a smaller panel than the campaign\'s brings the default down to the mean', () => {
    const def = catalog.get('caca-committee-2021').definition;
    const list = def.lists[0];
    const withRound = { ...def, lists: [{ ...list, rounds: [{ kind: 'scoring' as const, key: 'final', name: { 'zh-CN': '终评', en: 'Final' }, judgesPerEntry: 3 }] }] } as unknown as CampaignDefinition;
    expect(smallestDefaultPanel(withRound)).toBe(3);
    expect(defaultRankingConfig(withRound).primary).toBe('mean');
    // A list that states its own method is not counted: the settings' default does not apply to it.
    const own = { ...def, judgesPerEntry: 3, lists: [{ ...list, method: 'median' as const }] };
    expect(smallestDefaultPanel(own)).toBeNull();
    expect(defaultRankingConfig(own).primary).toBe('trimmed');
  });

  it('the defaults are a valid configuration, otherwise the schema\'s own', () => {
    const config = defaultRankingConfig(catalog.get('sichuan-influence-2023').definition);
    expect(parseRankingConfig(config)).toEqual(config);
    expect({ ...config, primary: 'trimmed', committee: { ...config.committee, method: 'mean' } }).toEqual(parseRankingConfig({}));
  });
});
