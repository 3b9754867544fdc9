// Completeness problems of entries (core/media/entry-rules.ts) as sentences, for the exports and
// the ranking's flags: the rule's options named as people know them — a field by its label in
// quotes, linked media by its role ("a screenshot") — in either language.
import type { EntryFlag, EntryProblem, EntryRuleOption, Language } from '../contract';
import { createNodeI18n } from './translate';

const i18n = { 'zh-CN': createNodeI18n('zh-CN'), en: createNodeI18n('en') } as const;

/**
 * Texts already made, by language and options: the ranking flags every entry that misses a rule
 * (at 50,000 entries that was a sixth of the first ranking summary spent in i18next making the
 * same few sentences). A campaign has a handful of rules; the bound only guards against growth.
 */
const optionsTexts = new Map<string, string>();
const MAX_OPTIONS_TEXTS = 1000;

/** "“Link” or a screenshot" / "“链接”或截图". */
export function ruleOptionsText(options: readonly EntryRuleOption[], language: Language): string {
  const key = `${language}\u0000${JSON.stringify(options)}`;
  const known = optionsTexts.get(key);
  if (known !== undefined) return known;
  const t = i18n[language].t.bind(i18n[language]);
  const names = options.map((o) => ('media' in o ? t(`compliance.mediaRoles.${o.media}`) : t('compliance.entryProblems.fieldName', { label: o.label[language] })));
  const text = names.join(t('compliance.entryProblems.or'));
  if (optionsTexts.size >= MAX_OPTIONS_TEXTS) optionsTexts.clear();
  optionsTexts.set(key, text);
  return text;
}

/** The sentence the compliance report shows for a problem, in one language. */
export function entryProblemText(problem: EntryProblem, language: Language): string {
  return i18n[language].t(`compliance.entryProblems.${problem.code}`, { options: ruleOptionsText(problem.options, language) });
}

/**
 * The ranking flag that holds an entry missing a completeness rule. Flags are data (kept in a
 * locked snapshot), so the options' names travel in both languages: `needs@zh-CN` and `needs@en`,
 * read by the flag's translation as `needs` (see localizedFlagParams).
 */
export function entryRuleFlag(problems: readonly EntryProblem[]): EntryFlag {
  return {
    code: 'entry_rule',
    params: {
      rules: problems.map((p) => p.rule).join(', '),
      'needs@zh-CN': problems.map((p) => ruleOptionsText(p.options, 'zh-CN')).join('；'),
      'needs@en': problems.map((p) => ruleOptionsText(p.options, 'en')).join('; '),
    },
  };
}

/**
 * The ranking flag that holds an entry by its formal check: the verdict and reason as recorded,
 * and the sentence's part in both languages (`outcome@zh-CN`, `outcome@en`), since flags are data.
 */
export function formalCheckFlag(hold: { verdict: 'fail' | 'fix_needed' | 'unchecked'; reason: string }): EntryFlag {
  const outcome = (language: Language) => {
    const t = i18n[language].t.bind(i18n[language]);
    const verdict = t(`formalCheck.verdicts.${hold.verdict}`);
    return hold.reason ? t('formalCheck.outcomeWithReason', { verdict, reason: hold.reason }) : verdict;
  };
  return { code: 'formal_check', params: { verdict: hold.verdict, reason: hold.reason, 'outcome@zh-CN': outcome('zh-CN'), 'outcome@en': outcome('en') } };
}
