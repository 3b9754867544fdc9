// The lists certificates are made from. Award and committee lists come from the campaign's
// latest locked ranking snapshot of the final rounds (ranking_snapshots, newest lock that ranks
// every list on its last scoring round wins), after checking its hash
// and signature; the judges list from the judges of the campaign. Names:
//   <tier key>   award certificates for the entries of that tier, all categories, rank order
//                of the first programme list; <list key>-<tier key> the same for the other
//                lists (each with its own categories and certificate kind)
//   committee    membership certificates for the selected committee members
//   judges       letters of appreciation for the campaign's judges
// ('committee' and 'judges' are therefore not usable as tier keys for certificates.)
// Holders are named by a stable subject ('entry:<reg no>', 'judge:<id>') so re-exporting a list
// finds the certificates already issued to the same people.
import type { Database } from 'better-sqlite3';
import crypto from 'node:crypto';
import type { ListType } from '../../contract/certificates';
import { CampaignDefinition, type EntryKind, type LocalizedText } from '../../contract/domain';
import { listFor, rankingRulesFor } from '../../contract/lists';
import { KepuError } from '../errors';
import { publicKeyFromBase64 } from '../keys/identity';
import { parseSnapshot, type RankingSnapshot, verifySnapshotSignature } from '../ranking/snapshot';
import { scoringRoundCount } from '../rounds/round-state';
import type { Wording } from './content';

export interface Holder {
  subject: string;
  name: string;
  unit: string | null;
  /** Award lists: what the entry won. */
  award?: { tier: LocalizedText; category: LocalizedText; title: string; kind: EntryKind; rank: number };
}

export interface ListInfo {
  name: string;
  type: ListType;
  /** The certificate kind key (definition.certificates[].key), as it goes into the payload. */
  kind: string;
  label: LocalizedText;
  validityMonths: number | null;
  snapshotId: string | null;
  /** Award lists: the programme list (definition lists[]) the tier belongs to. */
  programmeList?: { key: string; name: LocalizedText };
  holders: Holder[];
}

export interface CampaignFacts {
  id: string;
  definition: CampaignDefinition;
  timeZone: string;
}

export function campaignFacts(db: Database, campaignId: string): CampaignFacts {
  const row = db.prepare<[string], { id: string; time_zone: string; definition_json: string }>('SELECT id, time_zone, definition_json FROM campaigns WHERE id = ?').get(campaignId);
  if (!row) throw new KepuError('CAMPAIGN_NOT_FOUND', `certificates: no campaign ${campaignId}`, { campaignId });
  return { id: row.id, timeZone: row.time_zone, definition: CampaignDefinition.parse(JSON.parse(row.definition_json)) };
}

interface SnapshotRow {
  id: string;
  snapshot_json: string;
  sha256: string;
  signature: string;
  signer_public_key: string;
}

/**
 * The newest locked snapshot, checked; null when the campaign has none. With `finalOf` (the
 * campaign's definition), the newest that ranks every list on its last scoring round (issue 14):
 * certificates go to the final list, never to a round-1 result locked along the way.
 */
export function latestSnapshot(db: Database, campaignId: string, finalOf?: CampaignDefinition): { id: string; snapshot: RankingSnapshot } | null {
  const rows = db
    .prepare('SELECT id, snapshot_json, sha256, signature, signer_public_key FROM ranking_snapshots WHERE campaign_id = ? ORDER BY locked_at DESC, rowid DESC')
    .all(campaignId) as SnapshotRow[];
  const row = finalOf ? rows.find((r) => ranksFinalRounds(r.snapshot_json, finalOf)) : rows[0];
  if (!row) return null;
  const bytes = Buffer.from(row.snapshot_json, 'utf8');
  const broken = (why: string) => new KepuError('CERTIFICATE_SNAPSHOT_INVALID', `certificates: snapshot ${row.id}: ${why}`, { snapshotId: row.id, reason: why });
  if (crypto.createHash('sha256').update(bytes).digest('hex') !== row.sha256) throw broken('hash mismatch');
  let ok = false;
  try {
    ok = verifySnapshotSignature(bytes, row.signature, publicKeyFromBase64(row.signer_public_key));
  } catch {
    ok = false;
  }
  if (!ok) throw broken('bad signature');
  try {
    return { id: row.id, snapshot: parseSnapshot(JSON.parse(row.snapshot_json)) };
  } catch (error) {
    throw broken((error as Error).message);
  }
}

/** True when the snapshot ranks each list on its last scoring round (its rounds are absent for round 1). */
function ranksFinalRounds(json: string, def: CampaignDefinition): boolean {
  let rounds: Record<string, number> = {};
  try {
    rounds = (JSON.parse(json) as { inputs?: { rounds?: Record<string, number> } }).inputs?.rounds ?? {};
  } catch {
    return true; // unreadable: the full check below names what is wrong
  }
  return def.lists.every((l) => (rounds[l.key] ?? 1) === scoringRoundCount(l));
}

/** The certificate kind a list type uses: the one named, else by the usual key, else the first that fits. */
function kindFor(def: CampaignDefinition, type: ListType, wording: Wording, named: string | null = null): { key: string; label: LocalizedText; validityMonths: number | null } {
  const chosen = named === null ? undefined : def.certificates.find((c) => c.key === named);
  if (chosen) return chosen;
  const preferred: Record<ListType, string[]> = { award: ['award'], membership: ['membership'], appreciation: ['judge_thanks', 'appreciation'] };
  const found = def.certificates.find((c) => preferred[type].includes(c.key));
  if (found) return found;
  const others = def.certificates.filter((c) => !Object.values(preferred).flat().includes(c.key));
  if (type !== 'appreciation' && others[0]) return others[0];
  const key = type === 'award' ? 'award' : type === 'membership' ? 'membership' : 'judge_thanks';
  return { key, label: both(wording, `certificates.print.title.${type}`), validityMonths: null };
}

function both(wording: Wording, key: string, vars?: Record<string, string>): LocalizedText {
  return { 'zh-CN': wording('zh-CN', key, vars), en: wording('en', key, vars) };
}

interface EntryRow {
  reg_no: string;
  kind: EntryKind;
  category: string | null;
  title: string;
  entrant_name: string;
  entrant_unit: string | null;
}

function entriesByRegNo(db: Database, campaignId: string): Map<string, EntryRow> {
  const rows = db.prepare('SELECT reg_no, kind, category, title, entrant_name, entrant_unit FROM entries WHERE campaign_id = ?').all(campaignId) as EntryRow[];
  return new Map(rows.map((r) => [r.reg_no, r]));
}

interface SnapshotOutputs {
  categories?: { kind: EntryKind; category: string | null; ranked: { rank: number; regNo: string; tier: string | null }[] }[];
  committee?: { members: { regNo: string }[] } | null;
}

/** Every list of the campaign; award and committee lists only once a ranking is locked. */
export function certificateLists(db: Database, campaignId: string, wording: Wording): ListInfo[] {
  const facts = campaignFacts(db, campaignId);
  const lists: ListInfo[] = [];
  const locked = latestSnapshot(db, campaignId, facts.definition);
  if (locked) {
    const def = facts.definition;
    const outputs = locked.snapshot.outputs as SnapshotOutputs;
    const entries = entriesByRegNo(db, campaignId);
    const holderOf = (regNo: string) => {
      const e = entries.get(regNo);
      if (!e) throw new KepuError('ENTRY_NOT_FOUND', `certificates: ranked entry ${regNo} is not in the campaign`, { regNo });
      return e;
    };
    // One award list per tier and programme list, with that list's certificate kind; the lists after
    // the first are named "<list key>-<tier key>".
    const several = def.lists.length > 1;
    for (const programmeList of def.lists) {
      // A list nobody entered (e.g. no brand registered) has no award lists.
      if (!(outputs.categories ?? []).some((c) => listFor(def, c.kind, c.category).key === programmeList.key)) continue;
      const award = kindFor(def, 'award', wording, programmeList.certificateKind);
      // The list's tier rules (its own or the locked settings'); labels are the definition's, which
      // cannot change without the locked result no longer verifying.
      for (const tier of rankingRulesFor(programmeList, locked.snapshot.config).tiers) {
        if (tier.key === 'committee' || tier.key === 'judges') continue;
        const tierLabel = tier.label ?? { 'zh-CN': tier.key, en: tier.key };
        const holders: Holder[] = [];
        for (const c of outputs.categories ?? []) {
          if (listFor(def, c.kind, c.category).key !== programmeList.key) continue;
          const kindDef = def.entryKinds.find((k) => k.kind === c.kind);
          const category = (c.category && kindDef?.categories.find((x) => x.key === c.category)?.label) || kindDef?.label || { 'zh-CN': c.category ?? c.kind, en: c.category ?? c.kind };
          for (const r of c.ranked) {
            if (r.tier !== tier.key) continue;
            const e = holderOf(r.regNo);
            holders.push({ subject: `entry:${r.regNo}`, name: e.entrant_name, unit: e.entrant_unit, award: { tier: tierLabel, category, title: e.title, kind: e.kind, rank: r.rank } });
          }
        }
        // The first list keeps the bare tier key, so certificates issued before lists existed are found again.
        const name = programmeList === def.lists[0] ? tier.key : `${programmeList.key}-${tier.key}`;
        const label = several ? { 'zh-CN': `${programmeList.name['zh-CN']} · ${tierLabel['zh-CN']}`, en: `${programmeList.name.en} · ${tierLabel.en}` } : tierLabel;
        lists.push({ name, type: 'award', kind: award.key, label, validityMonths: award.validityMonths, snapshotId: locked.id, programmeList: { key: programmeList.key, name: programmeList.name }, holders });
      }
    }
    if (def.kind === 'committee' && outputs.committee) {
      const membership = kindFor(def, 'membership', wording);
      const holders = outputs.committee.members.map((m): Holder => {
        const e = holderOf(m.regNo);
        return { subject: `entry:${m.regNo}`, name: e.entrant_name, unit: e.entrant_unit };
      });
      lists.push({ name: 'committee', type: 'membership', kind: membership.key, label: membership.label, validityMonths: membership.validityMonths, snapshotId: locked.id, holders });
    }
  }
  const thanks = kindFor(facts.definition, 'appreciation', wording);
  const judges = db
    .prepare<[string], { id: string; name: string; institution: string | null }>('SELECT j.id, j.name, j.institution FROM judges j JOIN campaign_judges cj ON cj.judge_id = j.id WHERE cj.campaign_id = ? ORDER BY j.name, j.id')
    .all(campaignId);
  lists.push({
    name: 'judges',
    type: 'appreciation',
    kind: thanks.key,
    label: thanks.label,
    validityMonths: thanks.validityMonths,
    snapshotId: null,
    holders: judges.map((j) => ({ subject: `judge:${j.id}`, name: j.name, unit: j.institution || null })),
  });
  return lists;
}

/** One list by name; CERTIFICATE_NO_PUBLISHED_RANKING before a ranking is locked. */
export function certificateList(db: Database, campaignId: string, name: string, wording: Wording): ListInfo {
  const lists = certificateLists(db, campaignId, wording);
  const found = lists.find((l) => l.name === name);
  if (found) return found;
  if (name !== 'judges' && !latestSnapshot(db, campaignId, campaignFacts(db, campaignId).definition)) {
    throw new KepuError('CERTIFICATE_NO_PUBLISHED_RANKING', `certificates: campaign ${campaignId} has no locked ranking yet`, { campaignId, list: name });
  }
  throw new KepuError('CERTIFICATE_LIST_UNKNOWN', `certificates: no list "${name}" in ${campaignId}`, { list: name, lists: lists.map((l) => l.name).join(', ') });
}
