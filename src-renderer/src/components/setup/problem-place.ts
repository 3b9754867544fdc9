// A refused save names the place of the problem as a path into the definition
// ("definition.lists.2.rubric", the same wording a programme file's check uses) and keys
// ("kind": "work"). The Setup tab turns both into what the coordinator sees on screen — the
// section, the list or kind by its name, the row — and can open that section. The error itself
// still travels the usual way (the store's error banner, translated from its code).
// The words are shared with the programme-file check and the CLI (contract/definition-places.ts);
// this adapts them to the renderer's i18next `t`.
import type { TFunction } from 'i18next';
import type { CampaignDefinition } from '../../../../src-main/contract';
import * as places from '../../../../src-main/contract/definition-places';
import type { ProblemPlace, SectionId, Translate } from '../../../../src-main/contract/definition-places';

export type { ProblemPlace, SectionId };

const translate = (t: TFunction): Translate => (key, options) => t(key, options ?? {}) as string;

/** Where `path` points, in the words of the editor; null when it names no place. */
export function problemPlace(path: string, def: CampaignDefinition | null, t: TFunction, lang: string): ProblemPlace | null {
  return places.problemPlace(path, def, translate(t), lang);
}

/** A refusal's params in the coordinator's words (names instead of keys, the place instead of a path), and that place. */
export function explainParams(raw: Readonly<Record<string, unknown>>, def: CampaignDefinition | null, t: TFunction, lang: string, previous?: CampaignDefinition | null) {
  return places.explainParams(raw, def, translate(t), lang, previous);
}

/** One definition problem as a person reads it: where (or null) and the message (a programme file's check list). */
export function problemLine(problem: { code: string; path?: string; params: Readonly<Record<string, unknown>> }, def: CampaignDefinition | null, t: TFunction, lang: string) {
  return places.problemLine(problem, def, translate(t), lang);
}
