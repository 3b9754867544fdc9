// Mail labels are learned one by one, not as a whole header row: every batch of mails has its own
// mix of labels, so a mapping saved for "this exact set of columns" (as for a spreadsheet) would
// rarely be found again. The coordinator's choice for a label ("作品名" → title) is kept per
// campaign under a reserved header signature and applied to the next batch that has the label.
import type { Database } from 'better-sqlite3';
import type { ColumnMapping } from '../../../contract';
import { normaliseHeader } from '../targets';

const SIGNATURE = 'mail:labels';

type LearnedLabels = Record<string, string | null>;

function readLearned(db: Database, campaignId: string): LearnedLabels {
  const json = db
    .prepare<[string, string], { mapping_json: string }>('SELECT mapping_json FROM import_mappings WHERE campaign_id = ? AND header_signature = ?')
    .get(campaignId, SIGNATURE)?.mapping_json;
  return json ? (JSON.parse(json) as LearnedLabels) : {};
}

/** The auto mapping with every learned label applied; `learned` tells whether any was. */
export function applyLearnedLabels(db: Database, campaignId: string, headers: readonly string[], auto: ColumnMapping): { mapping: ColumnMapping; learned: boolean } {
  const known = readLearned(db, campaignId);
  const mapping: ColumnMapping = { ...auto };
  let learned = false;
  headers.forEach((header, column) => {
    const label = normaliseHeader(header);
    if (!(label in known)) return;
    const target = known[label];
    // The column leaves whatever it was matched to; a label learned as "not used" maps nowhere.
    for (const key of Object.keys(mapping)) if (mapping[key] === column) mapping[key] = null;
    if (target !== null) mapping[target] = column;
    learned = true;
  });
  return { mapping, learned };
}

/** Remembers what each column's label was mapped to in this import (or that it was left unused). */
export function saveLearnedLabels(db: Database, campaignId: string, headers: readonly string[], mapping: ColumnMapping, now: string): void {
  const known = readLearned(db, campaignId);
  headers.forEach((header, column) => {
    const target = Object.keys(mapping).find((key) => mapping[key] === column) ?? null;
    known[normaliseHeader(header)] = target;
  });
  db.prepare(`INSERT INTO import_mappings (campaign_id, header_signature, mapping_json, updated_at) VALUES (?, ?, ?, ?)
              ON CONFLICT (campaign_id, header_signature) DO UPDATE SET mapping_json = excluded.mapping_json, updated_at = excluded.updated_at`)
    .run(campaignId, SIGNATURE, JSON.stringify(known), now);
}
