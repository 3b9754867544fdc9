// An entry's completeness problem (a rule of its kind not met) as a sentence in the current
// language: "Needs “Link” or a screenshot" / "须提供“链接”或截图".
import type { TFunction } from 'i18next';
import type { EntryProblem } from '../../../src-main/contract';
import { localized } from '../format';

export function entryProblemText(t: TFunction, problem: EntryProblem, language: string): string {
  const options = problem.options
    .map((o) => ('media' in o ? t(`compliance.mediaRoles.${o.media}`) : t('compliance.entryProblems.fieldName', { label: localized(o.label, language) })))
    .join(t('compliance.entryProblems.or'));
  return t(`compliance.entryProblems.${problem.code}`, { options });
}
