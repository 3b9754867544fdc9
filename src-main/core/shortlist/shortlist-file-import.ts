// Importing another installation's shortlist file as entries of a campaign (Levels, issue 14).
// Policy:
// - The file is verified first (core/shortlist/shortlist-file.ts); a refusal names it and stores
//   nothing. Inspecting never stores anything; importing is all or nothing, in one transaction.
// - Registration numbers are KEPT: the app has no numbering scheme of its own (numbers come from the
//   registration platform), provincial numbers carry their province's prefix (SC2023-0005), and a
//   kept number is what the works' file names carry, so "link media folder" finds them unchanged.
//   A number the campaign already has is refused (SHORTLIST_FILE_REGNO_TAKEN, the row named).
// - Kind and category are mapped by key; an entry whose kind or category the campaign lacks is
//   refused with its row named (SHORTLIST_FILE_KIND_MISSING / _CATEGORY_MISSING).
// - The same file (by SHA-256) is imported once per campaign (SHORTLIST_FILE_DUPLICATE).
// - Each entry keeps its origin in entry_origins (migration 0021), its media references included;
//   one audit row names the file, its signer and how many entries came in.
import type { Database } from 'better-sqlite3';
import type { CampaignDefinition, EntryOrigin, LocalizedText, ShortlistFilePreview, ShortlistImportResult } from '../../contract';
import type { CampaignRepo } from '../campaigns/campaign-repo';
import type { EntryRepo } from '../entries/entry-repo';
import { KepuError } from '../errors';
import { nowIso } from '../time';
import { readShortlistFile, type ReadShortlistFile, type ShortlistFileEntry } from './shortlist-file';

type Deps = { db: Database; campaigns: CampaignRepo; entries: EntryRepo };

function labelIn(def: CampaignDefinition, kind: string, category: string | null): LocalizedText | null | undefined {
  const k = def.entryKinds.find((x) => x.kind === kind);
  if (!k) return undefined; // the kind is missing
  if (category === null) return k.label;
  return k.categories.find((c) => c.key === category)?.label ?? null; // null: the category is missing
}

function previewOf(deps: Deps, campaignId: string, fileName: string, read: ReadShortlistFile): ShortlistFilePreview {
  const def = deps.campaigns.definition(campaignId);
  const { origin, signer, entries } = read.payload;
  const groups = new Map<string, { kind: string; category: string | null; regNos: string[] }>();
  for (const e of entries) {
    const id = `${e.kind}\u0000${e.category ?? ''}`;
    const g = groups.get(id) ?? { kind: e.kind, category: e.category, regNos: [] };
    g.regNos.push(e.regNo);
    groups.set(id, g);
  }
  const perCategory = [...groups.values()].map((g) => ({ kind: g.kind, category: g.category, label: labelIn(def, g.kind, g.category) ?? null, count: g.regNos.length }));
  const missing = [...groups.values()].filter((g) => !labelIn(def, g.kind, g.category)).map((g) => ({ kind: g.kind, category: g.category, regNos: g.regNos }));
  const existing = new Set(deps.db.prepare('SELECT reg_no FROM entries WHERE campaign_id = ?').pluck().all(campaignId) as string[]);
  const already = deps.db.prepare('SELECT min(imported_at) FROM entry_origins WHERE campaign_id = ? AND file_sha256 = ?').pluck().get(campaignId, read.sha256) as string | null;
  return {
    fileName,
    sha256: read.sha256,
    origin: {
      campaignName: origin.campaignName,
      organiser: origin.organiser,
      institution: origin.institution,
      listName: origin.list.name,
      roundNo: origin.round.no,
      roundName: origin.round.name,
      shortlistVersion: origin.shortlistVersion,
      exportedAt: origin.exportedAt,
    },
    signer: { name: signer.name, institution: signer.institution, fingerprint: signer.fingerprint },
    entries: entries.length,
    perCategory,
    missing,
    takenRegNos: entries.filter((e) => existing.has(e.regNo)).map((e) => e.regNo),
    alreadyImportedAt: already,
  };
}

/** Verifies the file and says what importing it would do; nothing is stored. */
export function inspectShortlistFile(deps: Deps, campaignId: string, file: { fileName: string; bytes: Buffer }): ShortlistFilePreview {
  deps.campaigns.summary(campaignId); // CAMPAIGN_NOT_FOUND
  return previewOf(deps, campaignId, file.fileName, readShortlistFile(file.bytes, file.fileName));
}

/** The first reason to refuse the import, in the file's row order (the row is named). */
function refuseFirstProblem(fileName: string, def: CampaignDefinition, preview: ShortlistFilePreview, entries: readonly ShortlistFileEntry[]): void {
  if (preview.alreadyImportedAt) throw new KepuError('SHORTLIST_FILE_DUPLICATE', `shortlist file: ${fileName} was imported on ${preview.alreadyImportedAt}`, { file: fileName, at: preview.alreadyImportedAt });
  const taken = new Set(preview.takenRegNos);
  for (const e of entries) {
    const label = labelIn(def, e.kind, e.category);
    if (label === undefined) throw new KepuError('SHORTLIST_FILE_KIND_MISSING', `shortlist file: ${fileName}: ${e.regNo}: no entry kind ${e.kind}`, { file: fileName, regNo: e.regNo, kind: e.kind });
    if (label === null) {
      throw new KepuError('SHORTLIST_FILE_CATEGORY_MISSING', `shortlist file: ${fileName}: ${e.regNo}: no category ${e.category} for ${e.kind}`, { file: fileName, regNo: e.regNo, kind: e.kind, category: e.category ?? '' });
    }
    if (taken.has(e.regNo)) throw new KepuError('SHORTLIST_FILE_REGNO_TAKEN', `shortlist file: ${fileName}: ${e.regNo} is taken`, { file: fileName, regNo: e.regNo });
  }
}

export function importShortlistFile(deps: Deps, campaignId: string, file: { fileName: string; bytes: Buffer }, actor: string): ShortlistImportResult {
  const summary = deps.campaigns.summary(campaignId);
  const read = readShortlistFile(file.bytes, file.fileName);
  const preview = previewOf(deps, campaignId, file.fileName, read);
  refuseFirstProblem(file.fileName, deps.campaigns.definition(campaignId), preview, read.payload.entries);
  const { origin, signer } = read.payload;
  const at = nowIso();
  const insertOrigin = deps.db.prepare(`INSERT INTO entry_origins (entry_id, campaign_id, origin_campaign_json, organiser, institution, origin_reg_no, list_json, round_json,
      place, total, media_json, signer_fingerprint, file_sha256, imported_by, imported_at)
    VALUES (@entryId, @campaignId, @campaign, @organiser, @institution, @regNo, @list, @round, @place, @total, @media, @fingerprint, @sha256, @actor, @at)`);
  const ids = deps.db.transaction(() => {
    const entryIds = deps.entries.insertMany(
      campaignId,
      summary.deadline,
      read.payload.entries.map((e) => ({
        regNo: e.regNo,
        kind: e.kind,
        category: e.category,
        title: e.title,
        entrantType: e.entrantType,
        entrantName: e.entrantName,
        entrantUnit: e.entrantUnit,
        contactPhone: null,
        contactEmail: null,
        reason: null,
        fields: e.fields,
        submittedAt: null,
      })),
    );
    read.payload.entries.forEach((e, i) => {
      insertOrigin.run({
        entryId: entryIds[i],
        campaignId,
        campaign: JSON.stringify({ id: origin.campaignId, name: origin.campaignName }),
        organiser: origin.organiser,
        institution: origin.institution,
        regNo: e.regNo,
        list: JSON.stringify(origin.list),
        round: JSON.stringify(origin.round),
        place: e.result.place,
        total: e.result.total,
        media: JSON.stringify(e.media),
        fingerprint: signer.fingerprint,
        sha256: read.sha256,
        actor,
        at,
      });
    });
    deps.db.prepare(`INSERT INTO audit_log (at, actor, action, subject, details_json) VALUES (?, ?, 'shortlist.importFile', ?, ?)`).run(
      at,
      actor,
      campaignId,
      JSON.stringify({ file: file.fileName, sha256: read.sha256, origin: origin.campaignName['zh-CN'], organiser: origin.organiser, list: origin.list.key, round: origin.round.no, signer: signer.fingerprint, entries: entryIds.length }),
    );
    return entryIds;
  })();
  return { preview, imported: ids.length, entries: ids.map((entryId, i) => ({ entryId, regNo: read.payload.entries[i].regNo })) };
}

/** The origin of an imported entry (null: registered here). */
export function entryOrigin(db: Database, entryId: number): EntryOrigin | null {
  const row = db.prepare('SELECT * FROM entry_origins WHERE entry_id = ?').get(entryId) as Record<string, string | number | null> | undefined;
  if (!row) return null;
  const campaign = JSON.parse(row.origin_campaign_json as string) as { name: LocalizedText };
  const list = JSON.parse(row.list_json as string) as { name: LocalizedText };
  const round = JSON.parse(row.round_json as string) as { no: number; name: LocalizedText | null };
  return {
    campaignName: campaign.name,
    organiser: row.organiser as string | null,
    institution: row.institution as string | null,
    originRegNo: row.origin_reg_no as string,
    listName: list.name,
    roundNo: round.no,
    roundName: round.name,
    place: row.place as number | null,
    total: row.total as number | null,
    signerFingerprint: row.signer_fingerprint as string,
    fileSha256: row.file_sha256 as string,
    importedAt: row.imported_at as string,
    media: JSON.parse(row.media_json as string) as EntryOrigin['media'],
  };
}
