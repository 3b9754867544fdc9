// The winners of a campaign's published result, as the showcase and the posters announce them:
// every award list of the newest final locked ranking (core/certificates/lists.ts, so exactly the
// people certificates go to), grouped by programme list and category, each with the valid
// certificate issued to them when there is one (serial, typed check code, signed payload for QR).
import type { Database } from 'better-sqlite3';
import type { EntryKind, LocalizedText } from '../../contract/domain';
import type { Wording } from '../certificates/content';
import { campaignFacts, certificateLists, latestSnapshot } from '../certificates/lists';
import { checkOfCode, groupedCheck } from '../certificates/short-code';
import { KepuError } from '../errors';

export interface WinnerCertificate {
  serial: string;
  /** "K7QM3-XRD2P": with the serial, what a person types to verify. */
  check: string;
  /** The full signed code: what the certificate's QR holds. */
  payload: string;
}

export interface Winner {
  regNo: string;
  entryId: number;
  kind: EntryKind;
  title: string;
  entrant: string;
  unit: string | null;
  tier: LocalizedText;
  category: LocalizedText;
  rank: number;
  /** The award list (certificate list name) the winner is on. */
  listName: string;
  certificate: WinnerCertificate | null;
}

export interface WinnerCategory {
  category: LocalizedText;
  winners: Winner[];
}

export interface WinnerList {
  key: string;
  name: LocalizedText;
  categories: WinnerCategory[];
}

export interface Announcement {
  campaignName: LocalizedText;
  organizers: LocalizedText[];
  lists: WinnerList[];
}

/** All winners of the published result; SHOWCASE_NOT_PUBLISHED before one is locked. */
export function announcement(db: Database, campaignId: string, wording: Wording): Announcement {
  const facts = campaignFacts(db, campaignId);
  if (!latestSnapshot(db, campaignId, facts.definition)) {
    throw new KepuError('SHOWCASE_NOT_PUBLISHED', `showcase: campaign ${campaignId} has no published ranking yet`, { campaignId });
  }
  const entryIds = new Map(db.prepare<[string], { reg_no: string; id: number }>('SELECT reg_no, id FROM entries WHERE campaign_id = ?').all(campaignId).map((r) => [r.reg_no, r.id]));
  const issued = db.prepare<[string, string, string], { serial: string; payload: string }>(
    `SELECT serial, payload FROM certificates WHERE campaign_id = ? AND list_name = ? AND subject = ? AND status = 'valid' ORDER BY issued_at DESC LIMIT 1`,
  );
  const lists = new Map<string, WinnerList>();
  for (const list of certificateLists(db, campaignId, wording)) {
    if (list.type !== 'award' || !list.programmeList) continue;
    let target = lists.get(list.programmeList.key);
    if (!target) {
      target = { key: list.programmeList.key, name: list.programmeList.name, categories: [] };
      lists.set(target.key, target);
    }
    for (const holder of list.holders) {
      if (!holder.award) continue;
      const regNo = holder.subject.replace(/^entry:/, '');
      const row = issued.get(campaignId, list.name, holder.subject);
      const winner: Winner = {
        regNo,
        entryId: entryIds.get(regNo) ?? 0,
        kind: holder.award.kind,
        title: holder.award.title,
        entrant: holder.name,
        unit: holder.unit,
        tier: holder.award.tier,
        category: holder.award.category,
        rank: holder.award.rank,
        listName: list.name,
        certificate: row ? { serial: row.serial, check: groupedCheck(checkOfCode(row.payload)), payload: row.payload } : null,
      };
      const key = JSON.stringify(holder.award.category);
      let category = target.categories.find((c) => JSON.stringify(c.category) === key);
      if (!category) {
        category = { category: holder.award.category, winners: [] };
        target.categories.push(category);
      }
      // Tiers come in the list's order (highest first), so appending keeps them grouped.
      category.winners.push(winner);
    }
  }
  return {
    campaignName: facts.definition.name,
    organizers: facts.definition.organizers.map((o) => o.name),
    lists: [...lists.values()].filter((l) => l.categories.length > 0),
  };
}

/** Every winner once, in page order. */
export function allWinners(a: Announcement): Winner[] {
  return a.lists.flatMap((l) => l.categories.flatMap((c) => c.winners));
}
