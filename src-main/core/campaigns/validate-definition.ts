// What zod cannot say about a campaign definition: keys that must be unique within their list
// (dimension and item keys across all lists), weights that do not total 100 % in a list, a
// registration window that ends before it opens, level descriptors outside their scale, a choice
// field without choices, a scale its step does not divide, a completeness rule naming no field,
// lists whose feeds overlap or leave a kind or category without a list. Every problem is named by its
// path, so a programme file (and, later, the editor) can point at the field. Used on every
// definition that enters the app: built-in templates, programme files, edits.
import type { CampaignDefinition, DefinitionProblem, ListDef, RubricDimension } from '../../contract';
import { formatInZone } from '../time';

function duplicates(keys: readonly string[], path: string, problems: DefinitionProblem[]): void {
  const seen = new Set<string>();
  keys.forEach((key, i) => {
    if (seen.has(key)) problems.push({ code: 'DEFINITION_DUPLICATE_KEY', path: `${path}.${i}`, params: { key, list: path } });
    seen.add(key);
  });
}

/** A step divides the scale when (max − min) / step is a whole number (to 1e-9). */
function stepDivides(min: number, max: number, step: number): boolean {
  const n = (max - min) / step;
  return Math.abs(n - Math.round(n)) < 1e-9;
}

export function definitionProblems(def: CampaignDefinition, prefix = 'definition'): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  if (def.opensAt && Date.parse(def.opensAt) >= Date.parse(def.deadline)) {
    // Shown to people: wall-clock time in the campaign's zone, not ISO strings.
    const shown = (iso: string) => formatInZone(new Date(iso).toISOString(), def.timeZone);
    problems.push({ code: 'DEFINITION_DEADLINE_BEFORE_OPENING', path: `${prefix}.deadline`, params: { opensAt: shown(def.opensAt), deadline: shown(def.deadline) } });
  }
  duplicates(def.entryKinds.map((k) => k.kind), `${prefix}.entryKinds`, problems);
  def.entryKinds.forEach((kind, k) => {
    duplicates(kind.categories.map((c) => c.key), `${prefix}.entryKinds.${k}.categories`, problems);
    duplicates(kind.fields.map((f) => f.key), `${prefix}.entryKinds.${k}.fields`, problems);
    kind.fields.forEach((field, f) => {
      const at = `${prefix}.entryKinds.${k}.fields.${f}`;
      if (field.type === 'choice' && !field.choices?.length) problems.push({ code: 'DEFINITION_CHOICES_MISSING', path: `${at}.choices`, params: { field: field.key } });
      if (field.choices) duplicates(field.choices.map((c) => c.key), `${at}.choices`, problems);
    });
    duplicates(kind.rules.map((r) => r.key), `${prefix}.entryKinds.${k}.rules`, problems);
    kind.rules.forEach((rule, r) =>
      rule.anyOf.forEach((option, o) => {
        if ('field' in option && !kind.fields.some((f) => f.key === option.field)) {
          problems.push({ code: 'DEFINITION_RULE_FIELD_UNKNOWN', path: `${prefix}.entryKinds.${k}.rules.${r}.anyOf.${o}`, params: { field: option.field } });
        }
      }),
    );
  });
  duplicates(def.lists.map((l) => l.key), `${prefix}.lists`, problems);
  // Dimension and item keys are unique across lists: a stored score or answer names only its key.
  duplicatesAcross(def.lists.map((l) => l.rubric.map((d) => d.key)), (l, i) => `${prefix}.lists.${l}.rubric.${i}`, `${prefix}.lists`, problems);
  duplicatesAcross(def.lists.map((l) => l.eligibility.map((e) => e.key)), (l, i) => `${prefix}.lists.${l}.eligibility.${i}`, `${prefix}.lists`, problems);
  def.lists.forEach((list, l) => {
    const at = `${prefix}.lists.${l}`;
    // Weights are shares of the total (0.4 = 40 %); people read and enter them as percentages.
    const total = list.rubric.reduce((sum, d) => sum + d.weight, 0);
    if (Math.abs(total - 1) > 1e-6) problems.push({ code: 'DEFINITION_WEIGHTS_TOTAL', path: `${at}.rubric`, params: { total: Math.round(total * 10000) / 100, list: list.key } });
    list.rubric.forEach((d, i) => dimensionProblems(d, `${at}.rubric.${i}`, problems));
    if (list.certificateKind !== null && !def.certificates.some((c) => c.key === list.certificateKind)) {
      problems.push({ code: 'DEFINITION_CERTIFICATE_KIND_UNKNOWN', path: `${at}.certificateKind`, params: { key: list.certificateKind } });
    }
    // A list's own award tiers: certificates and public lists print each tier's name, so it needs one.
    if (list.tiers) {
      duplicates(list.tiers.map((t) => t.key), `${at}.tiers`, problems);
      list.tiers.forEach((tier, i) => {
        if (!tier.label?.['zh-CN'].trim() || !tier.label.en.trim()) problems.push({ code: 'DEFINITION_TIER_LABEL_MISSING', path: `${at}.tiers.${i}.label`, params: { n: i + 1, list: list.key } });
      });
    }
  });
  def.lists.forEach((list, l) => roundProblems(list, `${prefix}.lists.${l}`, problems));
  problems.push(...feedProblems(def, prefix));
  duplicates(def.certificates.map((c) => c.key), `${prefix}.certificates`, problems);
  def.certificates.forEach((c, i) => {
    // A member's step records name their step by key only: two steps with one key would share them.
    duplicates((c.steps ?? []).map((s) => s.key), `${prefix}.certificates.${i}.steps`, problems);
    (c.steps ?? []).forEach((step, j) => {
      if (!step.label['zh-CN'].trim() && !step.label.en.trim()) problems.push({ code: 'DEFINITION_STEP_NAME_MISSING', path: `${prefix}.certificates.${i}.steps.${j}.label`, params: { n: j + 1, certificate: c.key } });
    });
  });
  return problems;
}

/** Duplicates across several lists of keys (the same key twice anywhere is one problem, at its second place). */
function duplicatesAcross(keys: readonly (readonly string[])[], pathOf: (list: number, index: number) => string, listPath: string, problems: DefinitionProblem[]): void {
  const seen = new Set<string>();
  keys.forEach((inList, l) =>
    inList.forEach((key, i) => {
      if (seen.has(key)) problems.push({ code: 'DEFINITION_DUPLICATE_KEY', path: pathOf(l, i), params: { key, list: listPath } });
      seen.add(key);
    }),
  );
}

function dimensionProblems(d: RubricDimension, at: string, problems: DefinitionProblem[]): void {
  if (!stepDivides(d.scale.min, d.scale.max, d.scale.step)) {
    problems.push({ code: 'DEFINITION_SCALE_STEP', path: `${at}.scale.step`, params: { dimension: d.key, min: d.scale.min, max: d.scale.max, step: d.scale.step } });
  }
  d.anchors.forEach((a, j) => {
    if (a.score < d.scale.min || a.score > d.scale.max) {
      problems.push({ code: 'DEFINITION_ANCHOR_OUT_OF_SCALE', path: `${at}.anchors.${j}.score`, params: { dimension: d.key, score: a.score, min: d.scale.min, max: d.scale.max } });
    }
  });
}

/**
 * Every entry belongs to exactly one list: a feed names a kind the campaign takes and categories
 * that kind has; no (kind, category) feeds two lists; every kind, and every category still in use
 * (not retired), feeds one.
 */
function feedProblems(def: CampaignDefinition, prefix: string): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const owner = new Map<string, string>(); // "kind/category" or "kind/*" → list key
  const slot = (kind: string, category: string | null) => `${kind}/${category ?? '*'}`;
  def.lists.forEach((list, l) =>
    list.feeds.forEach((feed, f) => {
      const at = `${prefix}.lists.${l}.feeds.${f}`;
      const kind = def.entryKinds.find((k) => k.kind === feed.kind);
      if (!kind) {
        problems.push({ code: 'DEFINITION_LIST_KIND_UNKNOWN', path: `${at}.kind`, params: { kind: feed.kind } });
        return;
      }
      const categories = feed.categories ?? [null];
      for (const category of categories) {
        if (category !== null && !kind.categories.some((c) => c.key === category)) {
          problems.push({ code: 'DEFINITION_LIST_CATEGORY_UNKNOWN', path: `${at}.categories`, params: { kind: feed.kind, category } });
          continue;
        }
        // A whole-kind feed overlaps with any feed of the same kind; a category feed with the same category.
        const clash = [...owner].find(([k]) => k === slot(feed.kind, category) || (category === null ? k.startsWith(`${feed.kind}/`) : k === slot(feed.kind, null)));
        if (clash && clash[1] !== list.key) problems.push({ code: 'DEFINITION_LIST_OVERLAP', path: at, params: { kind: feed.kind, category: category ?? '', list: clash[1] } });
        owner.set(slot(feed.kind, category), list.key);
      }
    }),
  );
  def.entryKinds.forEach((kind, k) => {
    if (owner.has(slot(kind.kind, null))) return;
    const open = kind.categories.filter((c) => !c.retired);
    const unfed = open.length === 0 ? [null] : open.filter((c) => !owner.has(slot(kind.kind, c.key))).map((c) => c.key);
    for (const category of unfed) problems.push({ code: 'DEFINITION_LIST_UNFED', path: `${prefix}.entryKinds.${k}`, params: { kind: kind.kind, category: category ?? '' } });
  });
  return problems;
}

/**
 * A list's rounds (issue 14): keys unique in the list; at most one formal check, before every
 * scoring round; at least one scoring round (a list with rounds still ranks); a shortlist only
 * where a scoring round follows; carry-over only where a scoring round precedes; a panel at least
 * as large as the judges it must give each entry; a round's own rubric checked like a list's.
 */
function roundProblems(list: ListDef, at: string, problems: DefinitionProblem[]): void {
  const rounds = list.rounds ?? [];
  if (rounds.length === 0) return;
  duplicates(rounds.map((r) => r.key), `${at}.rounds`, problems);
  const scoring = rounds.map((r, i) => (r.kind === 'scoring' ? i : -1)).filter((i) => i >= 0);
  if (scoring.length === 0) problems.push({ code: 'DEFINITION_ROUND_NO_SCORING', path: `${at}.rounds`, params: { list: list.key } });
  rounds.forEach((round, i) => {
    const here = `${at}.rounds.${i}`;
    if (round.kind === 'formal') {
      const earlier = rounds.slice(0, i);
      if (earlier.some((r) => r.kind === 'formal')) problems.push({ code: 'DEFINITION_ROUND_FORMAL_TWICE', path: here, params: { list: list.key } });
      else if (earlier.some((r) => r.kind === 'scoring')) problems.push({ code: 'DEFINITION_ROUND_FORMAL_ORDER', path: here, params: { list: list.key } });
      return;
    }
    const position = scoring.indexOf(i);
    if (round.shortlist && position === scoring.length - 1) problems.push({ code: 'DEFINITION_ROUND_SHORTLIST_LAST', path: `${here}.shortlist`, params: { list: list.key } });
    if (round.shortlist?.by === 'top' && !Number.isInteger(round.shortlist.value)) problems.push({ code: 'DEFINITION_ROUND_SHORTLIST_VALUE', path: `${here}.shortlist.value`, params: { value: round.shortlist.value } });
    if (round.shortlist?.by === 'percent' && round.shortlist.value > 100) problems.push({ code: 'DEFINITION_ROUND_SHORTLIST_VALUE', path: `${here}.shortlist.value`, params: { value: round.shortlist.value } });
    if (round.carryOver > 0 && position === 0) problems.push({ code: 'DEFINITION_ROUND_CARRY_FIRST', path: `${here}.carryOver`, params: { list: list.key } });
    if (round.panel) {
      duplicates(round.panel, `${here}.panel`, problems);
      if (round.judgesPerEntry !== null && round.judgesPerEntry > round.panel.length) {
        problems.push({ code: 'DEFINITION_ROUND_PANEL_SMALL', path: `${here}.panel`, params: { judges: round.judgesPerEntry, panel: round.panel.length } });
      }
    }
    if (round.rubric) {
      const total = round.rubric.reduce((sum, d) => sum + d.weight, 0);
      if (Math.abs(total - 1) > 1e-6) problems.push({ code: 'DEFINITION_WEIGHTS_TOTAL', path: `${here}.rubric`, params: { total: Math.round(total * 10000) / 100, list: list.key } });
      duplicates(round.rubric.map((d) => d.key), `${here}.rubric`, problems);
      round.rubric.forEach((d, j) => dimensionProblems(d, `${here}.rubric.${j}`, problems));
    }
  });
}
