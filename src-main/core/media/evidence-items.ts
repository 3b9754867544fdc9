// Evidence tied to an eligibility item (issue 16): which of a committee applicant's files proves
// which item of the checklist (执业证书 → practising doctor). The coordinator ties a file by hand,
// and the importer suggests a tie from the file's name when it names exactly one item (its label,
// or a term of the item's evidence text); a suggestion is only ever a default the coordinator can
// change. Every tie set by hand is in the audit log. The judge's package carries the ties.
import type { Database } from 'better-sqlite3';
import type { CampaignDefinition, EligibilityItem, EntryKind, LocalizedText } from '../../contract';
import { listFor } from '../../contract/lists';
import { KepuError } from '../errors';
import { nowIso } from '../time';

interface DbAssetOwner {
  entry_id: number;
  campaign_id: string;
  kind: EntryKind;
  category: string | null;
  reg_no: string;
  eligibility_item: string | null;
}

/** Ties asset `assetId` to eligibility item `item` of its entry's list (null: unties it). */
export function tieEvidence(db: Database, definitionOf: (campaignId: string) => CampaignDefinition, assetId: number, item: string | null, actor = 'local'): { assetId: number; eligibilityItem: string | null } {
  const owner = db
    .prepare<[number], DbAssetOwner>('SELECT a.entry_id, e.campaign_id, e.kind, e.category, e.reg_no, a.eligibility_item FROM assets a JOIN entries e ON e.id = a.entry_id WHERE a.id = ?')
    .get(assetId);
  if (!owner) throw new KepuError('ASSET_NOT_FOUND', `evidence: no asset #${assetId}`, { id: assetId });
  if (item !== null) {
    const list = listFor(definitionOf(owner.campaign_id), owner.kind, owner.category);
    if (!list.eligibility.some((e) => e.key === item)) throw new KepuError('ELIGIBILITY_ITEM_UNKNOWN', `evidence: the list of ${owner.reg_no} has no item ${item}`, { item });
  }
  if (owner.eligibility_item === item) return { assetId, eligibilityItem: item };
  db.transaction(() => {
    db.prepare('UPDATE assets SET eligibility_item = ? WHERE id = ?').run(item, assetId);
    db.prepare(`INSERT INTO audit_log (at, actor, action, subject, details_json) VALUES (?, ?, 'asset.evidence', ?, ?)`).run(
      nowIso(), actor, owner.campaign_id, JSON.stringify({ regNo: owner.reg_no, assetId, from: owner.eligibility_item, to: item }),
    );
  })();
  return { assetId, eligibilityItem: item };
}

/** Lower-case, no spaces or punctuation, no extension: "执业证书 (扫描).PDF" → "执业证书扫描". */
function squeeze(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\.[a-z0-9]{1,5}$/, '').replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** The words of a label or evidence text: split at the separators people write between them. */
function terms(text: LocalizedText): string[] {
  return Object.values(text)
    .flatMap((t) => t.split(/[、，,;；/／或与和()（）]|\bor\b|\band\b/u))
    .map(squeeze)
    .filter((t) => t.length >= 2);
}

const HAN = /^\p{Script=Han}+$/u;

/**
 * Whether the two share a run long enough to name the same document: four Chinese characters
 * (在职证明, 执业证书), or eight letters of anything else ("employment"); shorter runs (证书,
 * "cert") are shared by too many documents.
 */
function sharesRun(a: string, b: string): boolean {
  const chars = [...a];
  for (let i = 0; i + 4 <= chars.length; i++) {
    const han = chars.slice(i, i + 4).join('');
    if (HAN.test(han) && b.includes(han)) return true;
    const other = chars.slice(i, i + 8).join('');
    if (i + 8 <= chars.length && !HAN.test(other) && b.includes(other)) return true;
  }
  return false;
}

/**
 * The item a file's name points at, when it names exactly one: "执业证书.pdf" → practising doctor
 * (its evidence says 医师执业证书…), "职称证书.jpg" → attending or above. Null when the name fits no
 * item or several (a guess between two is left to the coordinator).
 */
export function suggestEvidenceItem(fileName: string, items: readonly EligibilityItem[]): string | null {
  const name = squeeze(fileName);
  if (name.length < 2) return null;
  const hits = items.filter((item) => [...terms(item.label), ...terms(item.evidence)].some((term) => name.includes(term) || sharesRun(name, term)));
  return hits.length === 1 ? hits[0].key : null;
}
