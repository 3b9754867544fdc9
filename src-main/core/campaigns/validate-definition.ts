// What zod cannot say about a campaign definition: keys that must be unique within their list,
// a registration window that ends before it opens, level descriptors outside their scale, a
// choice field without choices, a scale its step does not divide. Every problem is named by its
// path, so a programme file (and, later, the editor) can point at the field. Used on every
// definition that enters the app: built-in templates, programme files, edits.
import type { CampaignDefinition, DefinitionProblem } from '../../contract';
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
  });
  duplicates(def.rubric.map((d) => d.key), `${prefix}.rubric`, problems);
  // Weights are shares of the total (0.4 = 40 %); people read and enter them as percentages.
  const total = def.rubric.reduce((sum, d) => sum + d.weight, 0);
  if (Math.abs(total - 1) > 1e-6) problems.push({ code: 'DEFINITION_WEIGHTS_TOTAL', path: `${prefix}.rubric`, params: { total: Math.round(total * 10000) / 100 } });
  def.rubric.forEach((d, i) => {
    const at = `${prefix}.rubric.${i}`;
    if (!stepDivides(d.scale.min, d.scale.max, d.scale.step)) {
      problems.push({ code: 'DEFINITION_SCALE_STEP', path: `${at}.scale.step`, params: { dimension: d.key, min: d.scale.min, max: d.scale.max, step: d.scale.step } });
    }
    d.anchors.forEach((a, j) => {
      if (a.score < d.scale.min || a.score > d.scale.max) {
        problems.push({ code: 'DEFINITION_ANCHOR_OUT_OF_SCALE', path: `${at}.anchors.${j}.score`, params: { dimension: d.key, score: a.score, min: d.scale.min, max: d.scale.max } });
      }
    });
  });
  duplicates(def.eligibility.map((e) => e.key), `${prefix}.eligibility`, problems);
  duplicates(def.certificates.map((c) => c.key), `${prefix}.certificates`, problems);
  return problems;
}
