// What a registration column can map to: a few system fields every campaign has (registration
// number, entry kind, category, entrant type, submission time) and the template's own fields.
// Auto-matching compares normalised header text with each target's aliases in both languages.
import type { CampaignDefinition, FieldDef, LocalizedText, MappingTarget } from '../../contract';

export interface Target extends MappingTarget {
  aliases: string[];
  field?: FieldDef;
}

const SYSTEM: { key: string; label: LocalizedText; aliases: string[] }[] = [
  { key: 'sys.regNo', label: { 'zh-CN': '报名编号', en: 'Registration no.' }, aliases: ['报名编号', '编号', '报名号', '作品编号', '申报编号', 'registration no', 'registration number', 'reg no', 'id'] },
  { key: 'sys.kind', label: { 'zh-CN': '申报类型', en: 'Application type' }, aliases: ['申报类型', '报名类型', '参评类型', '类型', 'application type', 'entry type', 'type', 'kind'] },
  { key: 'sys.category', label: { 'zh-CN': '作品类别', en: 'Work category' }, aliases: ['作品类别', '作品类型', '类别', '形式', 'category', 'work category', 'format'] },
  { key: 'sys.entrantType', label: { 'zh-CN': '报名主体', en: 'Entrant (unit or individual)' }, aliases: ['报名主体', '参赛主体', '单位或个人', 'entrant type', 'entrant'] },
  { key: 'sys.submittedAt', label: { 'zh-CN': '提交时间', en: 'Submitted at' }, aliases: ['提交时间', '报名时间', '填写时间', '提交日期', 'submitted at', 'submission time', 'timestamp', 'submitted'] },
];

/**
 * Targets for a campaign, system fields first; a field shared by several kinds appears once. A
 * retired field is no target (its column is ignored) unless another kind still asks for it.
 */
export function mappingTargets(def: CampaignDefinition): Target[] {
  // Only what can apply: a committee selection (applicants only) has no work categories and no
  // "unit or individual" question, so its import does not offer them.
  const applies = (key: string) =>
    key === 'sys.category'
      ? def.entryKinds.some((k) => k.categories.length > 0)
      : key === 'sys.entrantType'
        ? def.entryKinds.some((k) => k.kind === 'work' || k.kind === 'account')
        : true;
  const targets: Target[] = SYSTEM.filter((s) => applies(s.key)).map((s) => ({
    ...s,
    // Kind is only needed when the campaign has more than one kind of entry.
    required: s.key === 'sys.regNo' || (s.key === 'sys.kind' && def.entryKinds.length > 1),
  }));
  const seen = new Set<string>();
  const retired = new Set(retiredFieldKeys(def));
  for (const kind of def.entryKinds) {
    for (const field of kind.fields) {
      if (seen.has(field.key) || retired.has(field.key) || field.retired) continue;
      seen.add(field.key);
      const requiredEverywhere = def.entryKinds.every((k) => k.fields.some((f) => f.key === field.key && f.required && !f.retired));
      targets.push({
        key: `field.${field.key}`,
        label: field.label,
        required: requiredEverywhere,
        aliases: [field.label['zh-CN'], field.label.en, field.key, ...field.aliases],
        field,
      });
    }
  }
  return targets;
}

/** Keys of fields retired in every kind that has them: not imported; values already stored are kept. */
export function retiredFieldKeys(def: CampaignDefinition): string[] {
  const all = def.entryKinds.flatMap((k) => k.fields);
  return [...new Set(all.filter((f) => f.retired).map((f) => f.key))].filter((key) => all.every((f) => f.key !== key || f.retired));
}

/** 作品名称* → 作品名称; "E-mail (optional)" → email; full-width forms folded. */
export function normaliseHeader(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[(（][^)）]*[)）]/g, '')
    .replace(/[\s*_\-.:：、/\\'"“”‘’#]+/g, '');
}

/** Index of the header row among the first rows: the one matching the most target aliases. */
export function findHeaderRow(rows: string[][], targets: Target[], scan = 10): { index: number; matches: number } {
  const aliasSet = new Set(targets.flatMap((t) => t.aliases.map(normaliseHeader)));
  let best = { index: 0, matches: 0 };
  for (let i = 0; i < Math.min(scan, rows.length); i++) {
    const matches = rows[i].filter((cell) => aliasSet.has(normaliseHeader(cell))).length;
    if (matches > best.matches) best = { index: i, matches };
  }
  return best;
}

export function autoMap(headers: string[], targets: Target[]): Record<string, number | null> {
  const normalised = headers.map(normaliseHeader);
  const used = new Set<number>();
  const mapping: Record<string, number | null> = {};
  // Exact alias matches first, in target order, each column used once.
  for (const target of targets) {
    const aliases = target.aliases.map(normaliseHeader);
    const column = normalised.findIndex((h, i) => !used.has(i) && h !== '' && aliases.includes(h));
    mapping[target.key] = column === -1 ? null : column;
    if (column !== -1) used.add(column);
  }
  // Then headers that contain an alias ("联系电话(手机)" → phone), for targets still open.
  for (const target of targets) {
    if (mapping[target.key] !== null) continue;
    const aliases = target.aliases.map(normaliseHeader).filter((a) => a.length >= 2);
    const column = normalised.findIndex((h, i) => !used.has(i) && aliases.some((a) => h.includes(a)));
    if (column !== -1) {
      mapping[target.key] = column;
      used.add(column);
    }
  }
  return mapping;
}

/** Identifies "the same form": its normalised headers, in order. */
export function headerSignature(headers: string[]): string {
  return headers.map(normaliseHeader).join('|');
}
