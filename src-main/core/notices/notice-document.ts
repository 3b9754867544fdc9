// What a 公示 publishes, built from one locked ranking snapshot (ranking_snapshots, hash and
// signature checked): per category of one programme list, the entries with their award tier,
// title, entrant and unit — never a score. Who is listed:
// - a list with award tiers: the entries that won a tier (the award list being announced);
// - a list without tiers: every ranked entry. Held entries are never listed.
// Order:
// - ranked: rank order, with the rank;
// - unranked (排名不分先后): grouped by tier in the tiers' order, and within a tier in registration
//   order — the order the registrations were recorded (entries.id, which follows the registration
//   form or spreadsheet), so no order suggests a ranking.
import type { Database } from 'better-sqlite3';
import type { CampaignDefinition, LocalizedText, NoticeDocument, NoticeEntry, NoticeGroup } from '../../contract';
import { listFor, rankingRulesFor } from '../../contract/lists';
import { campaignFacts, latestSnapshot } from '../certificates/lists';
import { KepuError } from '../errors';
import { loadSnapshot } from '../ranking/snapshot-store';
import type { RankingSnapshot } from '../ranking/snapshot';

interface SnapshotCategory {
  kind: string;
  category: string | null;
  ranked: { rank: number; regNo: string; tier: string | null }[];
}

interface EntryRow {
  id: number;
  reg_no: string;
  title: string;
  entrant_name: string;
  entrant_unit: string | null;
}

/** The newest locked snapshot, checked (NOTICE_NO_LOCKED_RANKING when there is none). */
export function latestLockedSnapshot(db: Database, campaignId: string): { id: string; snapshot: RankingSnapshot } {
  campaignFacts(db, campaignId); // CAMPAIGN_NOT_FOUND
  const locked = latestSnapshot(db, campaignId);
  if (!locked) throw new KepuError('NOTICE_NO_LOCKED_RANKING', `notices: campaign ${campaignId} has no locked ranking`, { campaignId });
  return locked;
}

/** A stored snapshot by id, its hash and signature checked. */
export function checkedSnapshot(db: Database, campaignId: string, snapshotId: string): RankingSnapshot {
  const loaded = loadSnapshot(db, campaignId, snapshotId);
  if (!loaded.signatureValid) throw new KepuError('RANKING_SNAPSHOT_INVALID', `notices: snapshot ${snapshotId} has a bad signature`, { reason: 'signature' });
  return loaded.snapshot;
}

/** The programme list of that key (NOTICE_LIST_UNKNOWN naming the keys there are). */
export function programmeList(def: CampaignDefinition, listKey: string) {
  const list = def.lists.find((l) => l.key === listKey);
  if (!list) throw new KepuError('NOTICE_LIST_UNKNOWN', `notices: no list "${listKey}"`, { list: listKey, lists: def.lists.map((l) => l.key).join(', ') });
  return list;
}

function categoryLabel(def: CampaignDefinition, kind: string, category: string | null): LocalizedText {
  const kindDef = def.entryKinds.find((k) => k.kind === kind);
  return (category ? kindDef?.categories.find((c) => c.key === category)?.label : undefined) ?? kindDef?.label ?? { 'zh-CN': category ?? kind, en: category ?? kind };
}

export function noticeDocument(db: Database, campaignId: string, snapshotId: string, snapshot: RankingSnapshot, listKey: string, ranked: boolean): NoticeDocument {
  const facts = campaignFacts(db, campaignId);
  const def = facts.definition;
  const list = programmeList(def, listKey);
  const tiers = rankingRulesFor(list, snapshot.config).tiers;
  const tierOrder = new Map(tiers.map((t, i) => [t.key, i]));
  const tierLabel = (key: string | null): LocalizedText | null => {
    if (key === null) return null;
    return tiers.find((t) => t.key === key)?.label ?? { 'zh-CN': key, en: key };
  };
  const rows = db.prepare('SELECT id, reg_no, title, entrant_name, entrant_unit FROM entries WHERE campaign_id = ?').all(campaignId) as EntryRow[];
  const byRegNo = new Map(rows.map((r) => [r.reg_no, r]));
  const groups: NoticeGroup[] = [];
  for (const c of ((snapshot.outputs as { categories?: SnapshotCategory[] }).categories ?? [])) {
    if (listFor(def, c.kind as never, c.category).key !== listKey) continue;
    const listed = c.ranked.filter((r) => (tiers.length === 0 ? true : r.tier !== null && tierOrder.has(r.tier)));
    const entries = listed.map((r): NoticeEntry => {
      const e = byRegNo.get(r.regNo);
      if (!e) throw new KepuError('ENTRY_NOT_FOUND', `notices: ranked entry ${r.regNo} is not in the campaign`, { regNo: r.regNo });
      return { entryId: e.id, rank: ranked ? r.rank : null, regNo: r.regNo, title: e.title, entrantName: e.entrant_name, entrantUnit: e.entrant_unit, tier: r.tier, tierLabel: tierLabel(r.tier) };
    });
    if (!ranked) entries.sort((a, b) => (tierOrder.get(a.tier ?? '') ?? 0) - (tierOrder.get(b.tier ?? '') ?? 0) || a.entryId - b.entryId);
    groups.push({ kind: c.kind, category: c.category, label: categoryLabel(def, c.kind, c.category), entries });
  }
  return { campaignName: def.name, listKey, listName: list.name, snapshotId, ranked, timeZone: facts.timeZone, contact: def.contact, groups };
}
