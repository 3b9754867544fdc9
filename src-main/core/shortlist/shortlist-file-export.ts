// Exporting a round's made shortlist as a signed shortlist file (Levels, issue 14). Policy:
// - Only a made shortlist exports (SHORTLIST_NOT_MADE otherwise); what goes in is the shortlist as
//   it stands, manual additions and removals applied (the same `in` the Ranking tab shows).
// - Signed with this installation's identity (KEY_NOT_FOUND / KEY_LOCKED as every signing action);
//   the organiser named in the file is the identity's name and institution.
// - Media are referenced, not carried: role, file name, SHA-256 and size of each linked file.
// - The export is recorded in the audit log with the file's SHA-256, so the receiving side's
//   import row can be matched to it.
import crypto from 'node:crypto';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { CampaignRepo } from '../campaigns/campaign-repo';
import { KepuError } from '../errors';
import type { IdentityService } from '../keys/identity-service';
import type { RankingService } from '../ranking/ranking-service';
import { nowIso } from '../time';
import { type ShortlistFileEntry, type ShortlistFileMedia, signerOf, writeShortlistFile, SHORTLIST_EXTENSION, SHORTLIST_FORMAT_VERSION } from './shortlist-file';
import { scoringRound } from './shortlist-input';
import type { RoundKey } from './shortlist-repo';
import { shortlistView } from './shortlist-service';

type Deps = { db: Database; campaigns: CampaignRepo; ranking: RankingService; identity: IdentityService };

interface EntryDbRow {
  id: number;
  reg_no: string;
  kind: ShortlistFileEntry['kind'];
  category: string | null;
  title: string;
  entrant_type: ShortlistFileEntry['entrantType'];
  entrant_name: string;
  entrant_unit: string | null;
  fields_json: string;
}

export interface ShortlistFileExport {
  fileName: string;
  bytes: Buffer;
  entries: number;
}

/** The file's name: the list, the round and the campaign id, nothing a file system would refuse. */
function fileNameFor(key: RoundKey): string {
  const safe = (text: string) => text.replace(/[^A-Za-z0-9_-]+/g, '_');
  return `shortlist-${safe(key.campaignId)}-${safe(key.listKey)}-r${key.roundNo}${SHORTLIST_EXTENSION}`;
}

export function exportShortlistFile(deps: Deps, key: RoundKey): ShortlistFileExport {
  const summary = deps.campaigns.summary(key.campaignId);
  const def = deps.campaigns.definition(key.campaignId);
  const { list, round } = scoringRound(def, key.listKey, key.roundNo);
  const view = shortlistView(deps, key);
  if (!view.made) throw new KepuError('SHORTLIST_NOT_MADE', `shortlist: round ${key.roundNo} of ${key.listKey} has no shortlist yet; make it first`, { list: key.listKey, round: key.roundNo });
  const privateKey = deps.identity.privateKey(); // KEY_NOT_FOUND / KEY_LOCKED
  const status = deps.identity.status();
  const organiser = status.name?.trim() || 'Kepu Review';
  const institution = status.institution?.trim() || null;

  const lines = view.categories.flatMap((c) => c.lines).filter((l) => l.in);
  const rowOf = deps.db.prepare('SELECT id, reg_no, kind, category, title, entrant_type, entrant_name, entrant_unit, fields_json FROM entries WHERE id = ?');
  const assetsOf = deps.db.prepare<[number], { role: ShortlistFileMedia['role']; path: string; sha256: string; size_bytes: number }>('SELECT role, path, sha256, size_bytes FROM assets WHERE entry_id = ? ORDER BY position, id');
  const entries: ShortlistFileEntry[] = lines.map((l) => {
    const row = rowOf.get(l.entryId) as EntryDbRow;
    const media = assetsOf.all(l.entryId).map((a) => ({
      role: a.role,
      fileName: path.basename(a.path),
      sha256: a.sha256,
      sizeBytes: a.size_bytes,
    }));
    return {
      regNo: row.reg_no,
      kind: row.kind,
      category: row.category,
      title: row.title,
      entrantType: row.entrant_type,
      entrantName: row.entrant_name,
      entrantUnit: row.entrant_unit,
      fields: JSON.parse(row.fields_json) as Record<string, string>,
      media,
      result: { place: l.place, total: l.total, why: l.why },
    };
  });
  const exportedAt = nowIso();
  const bytes = writeShortlistFile(
    {
      v: SHORTLIST_FORMAT_VERSION,
      kind: 'kepu.shortlist',
      origin: {
        campaignId: summary.id,
        campaignName: summary.name,
        organiser,
        institution,
        list: { key: list.key, name: list.name },
        round: { no: key.roundNo, key: round?.key ?? null, name: round?.name ?? null },
        shortlistVersion: view.made.version,
        exportedAt,
      },
      signer: signerOf(privateKey, { name: organiser, institution }),
      entries,
    },
    privateKey,
  );
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  deps.db.prepare(`INSERT INTO audit_log (at, actor, action, subject, details_json) VALUES (?, ?, 'shortlist.exportFile', ?, ?)`).run(
    exportedAt,
    organiser,
    key.campaignId,
    JSON.stringify({ list: key.listKey, round: key.roundNo, version: view.made.version, entries: entries.length, sha256 }),
  );
  return { fileName: fileNameFor(key), bytes, entries: entries.length };
}
