// Campaign rows: created from a template's definition, which is copied (not referenced) so a
// later template change never alters a running campaign.
import type { Database } from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import type { CampaignDetail, CampaignSummary, LocalizedText } from '../../contract';
import { CampaignDefinition } from '../../contract/domain';
import { allDimensions } from '../../contract/lists';
import { KepuError } from '../errors';
import { nowIso, toUtcIso } from '../time';

/** The answer of a `SELECT count(*) AS n` (always one row). */
interface DbCount {
  n: number;
}

export interface ProgrammeInfo {
  description: LocalizedText;
  source: string;
}

interface CampaignDbRow {
  id: string;
  template_id: string;
  kind: 'works' | 'committee';
  name_zh: string;
  name_en: string;
  time_zone: string;
  deadline_at: string;
  definition_json: string;
  programme_json: string | null;
  created_at: string;
  archived_at: string | null;
  archived_by: string | null;
  archive_reason: string | null;
  entry_count: number;
}

const SUMMARY_SQL = `
  SELECT c.*, (SELECT count(*) FROM entries e WHERE e.campaign_id = c.id) AS entry_count
  FROM campaigns c`;

export class CampaignRepo {
  constructor(private readonly db: Database) {}

  /** `id` is given when the campaign comes from elsewhere (a judge opening a review package). */
  create(
    templateId: string,
    definition: CampaignDefinition,
    name?: LocalizedText,
    id = `${templateId}-${randomBytes(3).toString('hex')}`,
    /** Where the definition came from, kept so an exported programme file is the one imported. */
    programme?: ProgrammeInfo,
  ): CampaignSummary {
    const def: CampaignDefinition = name ? { ...definition, name } : definition;
    const now = nowIso();
    const insertCampaign = this.db.prepare(`
      INSERT INTO campaigns (id, template_id, kind, name_zh, name_en, time_zone, deadline_at,
                             definition_json, created_at, updated_at, programme_json)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const insertDimension = this.db.prepare(`
      INSERT INTO rubric_dimensions (campaign_id, key, position, label_zh, label_en, weight,
                                     scale_min, scale_max, scale_step, anchors_json)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const insertAudit = this.db.prepare(
      `INSERT INTO audit_log (at, actor, action, subject, details_json) VALUES (?, 'local', 'campaign.create', ?, ?)`,
    );
    this.db.transaction(() => {
      insertCampaign.run(id, templateId, def.kind, def.name['zh-CN'], def.name.en, def.timeZone,
        toUtcIso(def.deadline), JSON.stringify(def), now, now, programme ? JSON.stringify(programme) : null);
      allDimensions(def).forEach((d, position) => {
        insertDimension.run(id, d.key, position, d.label['zh-CN'], d.label.en, d.weight, d.scale.min,
          d.scale.max, d.scale.step, JSON.stringify(d.anchors));
      });
      insertAudit.run(now, id, JSON.stringify({ templateId }));
    })();
    return this.summary(id);
  }

  /** Newest first; archived campaigns only when asked for (core/campaigns/archive.ts). */
  list(options: { includeArchived?: boolean } = {}): CampaignSummary[] {
    const where = options.includeArchived ? '' : 'WHERE c.archived_at IS NULL';
    const rows = this.db.prepare(`${SUMMARY_SQL} ${where} ORDER BY c.created_at DESC, c.rowid DESC`).all() as CampaignDbRow[];
    return rows.map(toSummary);
  }

  summary(id: string): CampaignSummary {
    return toSummary(this.row(id));
  }

  detail(id: string): Omit<CampaignDetail, 'openedPackage'> {
    const row = this.row(id);
    const byKind: Record<string, number> = {};
    for (const r of this.db.prepare<[string], { kind: string; n: number }>('SELECT kind, count(*) AS n FROM entries WHERE campaign_id = ? GROUP BY kind').all(id)) {
      byKind[r.kind] = r.n;
    }
    const late = this.db.prepare<[string], DbCount>('SELECT count(*) AS n FROM entries WHERE campaign_id = ? AND is_late = 1').get(id)!.n;
    const early = this.db.prepare('SELECT count(*) FROM entries WHERE campaign_id = ? AND is_early = 1').pluck().get(id) as number;
    const assets = this.db.prepare<[string], DbCount>('SELECT count(*) AS n FROM assets a JOIN entries e ON e.id = a.entry_id WHERE e.campaign_id = ?').get(id)!.n;
    const imported = this.db.prepare<[string], DbCount>('SELECT count(*) AS n FROM entry_origins WHERE campaign_id = ?').get(id)!.n;
    return {
      ...toSummary(row),
      definition: CampaignDefinition.parse(JSON.parse(row.definition_json)),
      counts: { byKind, late, early, assets, imported },
    };
  }

  exists(id: string): boolean {
    return this.db.prepare('SELECT 1 FROM campaigns WHERE id = ?').get(id) !== undefined;
  }

  /** The description and source of the programme the campaign was made from, when recorded. */
  programme(id: string): ProgrammeInfo | null {
    const json = this.row(id).programme_json;
    return json ? (JSON.parse(json) as ProgrammeInfo) : null;
  }

  definition(id: string): CampaignDefinition {
    return CampaignDefinition.parse(JSON.parse(this.definitionJson(id)));
  }

  /**
   * The same definition, parsed again only when its stored text changed: for hot read-only paths
   * (every saved score reads it; parsing and checking it was most of a save's CPU, issue 18). The
   * object is shared between callers: never change it (definition() gives a copy of one's own).
   */
  sharedDefinition(id: string): CampaignDefinition {
    const json = this.definitionJson(id);
    const cached = this.parsed.get(id);
    if (cached?.json === json) return cached.def;
    const def = CampaignDefinition.parse(JSON.parse(json));
    this.parsed.set(id, { json, def });
    return def;
  }

  private readonly parsed = new Map<string, { json: string; def: CampaignDefinition }>();

  private definitionJson(id: string): string {
    // The definition alone: row() also counts the campaign's entries (a scan of 50,000 index rows
    // at scale), which every review step paid (issue 18).
    const json = this.db.prepare<[string], string>('SELECT definition_json FROM campaigns WHERE id = ?').pluck().get(id);
    if (json === undefined) throw new KepuError('CAMPAIGN_NOT_FOUND', `campaigns: no campaign "${id}"`, { id });
    return json;
  }

  private row(id: string): CampaignDbRow {
    const row = this.db.prepare(`${SUMMARY_SQL} WHERE c.id = ?`).get(id) as CampaignDbRow | undefined;
    if (!row) throw new KepuError('CAMPAIGN_NOT_FOUND', `campaigns: no campaign "${id}"`, { id });
    return row;
  }
}

function toSummary(row: CampaignDbRow): CampaignSummary {
  return {
    id: row.id,
    templateId: row.template_id,
    kind: row.kind,
    name: { 'zh-CN': row.name_zh, en: row.name_en },
    timeZone: row.time_zone,
    deadline: row.deadline_at,
    entryCount: row.entry_count,
    createdAt: row.created_at,
    archived: row.archived_at === null ? null : { at: row.archived_at, by: row.archived_by ?? '', reason: row.archive_reason ?? '' },
  };
}
