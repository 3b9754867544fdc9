// Helping a file that does not quite fit (issue 16): one value for every row when the file has no
// column for a target ("all rows are works"), and readings for values the importer does not know
// ("自荐" means the nomination choice "self"). Readings are remembered per campaign and target in
// import_value_maps (migration 0026) and applied to every later import; a reading must name one of
// the target's allowed values, so nothing unknown gets in through it.
import type { Database } from 'better-sqlite3';
import type { CampaignDefinition, ColumnMapping, LocalizedText } from '../../contract';
import { normaliseHeader, type Target } from './targets';

export type Choices = Record<string, { value: string; label: LocalizedText }[]>;
export type ValueMap = Record<string, Record<string, string>>;

/** The targets with a closed list of values, and those values (keys the row reader accepts). */
export function choicesOf(def: CampaignDefinition, targets: readonly Target[]): Choices {
  const choices: Choices = {};
  for (const target of targets) {
    if (target.key === 'sys.kind' && def.entryKinds.length > 1) choices[target.key] = def.entryKinds.map((k) => ({ value: k.kind, label: k.label }));
    else if (target.key === 'sys.category') {
      choices[target.key] = def.entryKinds.flatMap((k) => k.categories.filter((c) => !c.retired).map((c) => ({ value: c.key, label: c.label })));
    } else if (target.key === 'sys.entrantType') {
      choices[target.key] = [
        { value: 'unit', label: { 'zh-CN': '单位', en: 'Unit' } },
        { value: 'individual', label: { 'zh-CN': '个人', en: 'Individual' } },
      ];
    } else if (target.field?.type === 'choice') choices[target.key] = (target.field.choices ?? []).map((c) => ({ value: c.key, label: c.label }));
  }
  return choices;
}

/** The raw value as readings are keyed: the way headers are compared (width, case, spaces, brackets). */
export const readingKey = (raw: string): string => normaliseHeader(raw);

export function savedValueMap(db: Database, campaignId: string): ValueMap {
  const map: ValueMap = {};
  const rows = db
    .prepare<[string], { target: string; raw_value: string; mapped_value: string }>('SELECT target, raw_value, mapped_value FROM import_value_maps WHERE campaign_id = ?')
    .all(campaignId);
  for (const r of rows) (map[r.target] ??= {})[r.raw_value] = r.mapped_value;
  return map;
}

/** Remembered readings, then the given ones over them; only readings that name an allowed value. */
export function valueMapInForce(saved: ValueMap, given: ValueMap | undefined, choices: Choices): ValueMap {
  const map: ValueMap = {};
  for (const source of [saved, given ?? {}]) {
    for (const [target, readings] of Object.entries(source)) {
      const allowed = new Set((choices[target] ?? []).map((c) => c.value));
      for (const [raw, value] of Object.entries(readings)) {
        if (allowed.has(value) && readingKey(raw) !== '') (map[target] ??= {})[readingKey(raw)] = value;
      }
    }
  }
  return map;
}

export function saveValueMap(db: Database, campaignId: string, map: ValueMap, now: string): void {
  const upsert = db.prepare(`INSERT INTO import_value_maps (campaign_id, target, raw_value, mapped_value, updated_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (campaign_id, target, raw_value) DO UPDATE SET mapped_value = excluded.mapped_value, updated_at = excluded.updated_at`);
  for (const [target, readings] of Object.entries(map)) for (const [raw, value] of Object.entries(readings)) upsert.run(campaignId, target, raw, value, now);
}

/** The rows with known readings applied to the mapped columns (a cell the map names becomes its value). */
export function applyReadings(dataRows: [number, string[]][], mapping: ColumnMapping, map: ValueMap): [number, string[]][] {
  const columns = Object.entries(map).flatMap(([target, readings]) => {
    const column = mapping[target];
    return column === null || column === undefined ? [] : [{ column, readings }];
  });
  if (columns.length === 0) return dataRows;
  return dataRows.map(([row, cells]) => {
    let copy: string[] | null = null;
    for (const { column, readings } of columns) {
      const value = readings[readingKey(cells[column] ?? '')];
      if (value === undefined) continue;
      copy ??= [...cells];
      copy[column] = value;
    }
    return [row, copy ?? cells];
  });
}

/**
 * Each constant becomes a column at the end holding its value in every row, mapped to its target;
 * only targets the file has no column for (a column, when there is one, wins).
 */
export function withConstants(
  headers: string[],
  dataRows: [number, string[]][],
  mapping: ColumnMapping,
  constants: Record<string, string> | undefined,
  targets: readonly Target[],
): { headers: string[]; dataRows: [number, string[]][]; columns: Record<string, { value: string; column: number }> } {
  const columns: Record<string, { value: string; column: number }> = {};
  const added: { column: number; value: string }[] = [];
  let next = headers.length;
  for (const target of targets) {
    const value = constants?.[target.key]?.trim();
    if (!value || (mapping[target.key] !== null && mapping[target.key] !== undefined)) continue;
    columns[target.key] = { value, column: next };
    mapping[target.key] = next;
    added.push({ column: next, value });
    next++;
  }
  if (added.length === 0) return { headers, dataRows, columns };
  return {
    headers: [...headers, ...added.map(() => '')],
    dataRows: dataRows.map(([row, cells]) => {
      const copy = [...cells];
      while (copy.length < next) copy.push('');
      for (const a of added) copy[a.column] = a.value;
      return [row, copy];
    }),
    columns,
  };
}
