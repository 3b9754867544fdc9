// Completeness rules of an entry kind (definition entryKinds[].rules: "at least one of these"),
// checked against what an entry holds now: its registration fields and its linked files. Policy:
// - A field option is met by a non-empty value (title and reason live in their own columns);
//   a media option by at least one linked file of that role, whatever its verdict (a failing
//   file is the media check's business, reported there).
// - Rules made of fields only are also checked at import (ROW_RULE_ANY_OF); an entry imported
//   before such a rule existed is caught here.
// - An entry of a kind the definition no longer lists has no rules.
// - A campaign a judge opened from a review package is not checked: blind review removed the
//   identifying fields (a link to the account) from it, and completeness is the coordinator's
//   business, decided before the package was sent.
import type { Database } from 'better-sqlite3';
import type { CampaignDefinition, EntryKind, EntryProblem, EntryRuleOption } from '../../contract';

/** An entry with what its rules are checked on (core/rounds/formal-checks.ts reads the same columns but the roles). */
export interface DbEntryRuleRow {
  id: number;
  reg_no: string;
  title: string;
  kind: EntryKind;
  category: string | null;
  reason: string | null;
  fields_json: string;
  roles: string | null;
}

/** Problems of every entry of the campaign (or of one entry), in registration-number order. */
export function entryRuleProblems(db: Database, campaignId: string, def: CampaignDefinition, entryId?: number): EntryProblem[] {
  const kinds = def.entryKinds.filter((k) => k.rules.length > 0);
  if (kinds.length === 0) return [];
  if (db.prepare('SELECT 1 FROM opened_packages WHERE campaign_id = ?').get(campaignId) !== undefined) return [];
  const rows = db
    .prepare(
      `SELECT e.id, e.reg_no, e.title, e.kind, e.category, e.reason, e.fields_json,
              (SELECT group_concat(DISTINCT a.role) FROM assets a WHERE a.entry_id = e.id) AS roles
       FROM entries e
       WHERE e.campaign_id = @campaignId AND e.kind IN (SELECT value FROM json_each(@kinds)) ${entryId === undefined ? '' : 'AND e.id = @entryId'}
       ORDER BY e.reg_no`,
    )
    .all({ campaignId, kinds: JSON.stringify(kinds.map((k) => k.kind)), entryId }) as DbEntryRuleRow[];
  const problems: EntryProblem[] = [];
  for (const row of rows) {
    const kindDef = kinds.find((k) => k.kind === row.kind)!;
    const fields = JSON.parse(row.fields_json) as Record<string, string>;
    const roles = new Set(row.roles ? row.roles.split(',') : []);
    const has = (option: EntryRuleOption | { field: string } | { media: string }): boolean => {
      if ('media' in option) return roles.has(option.media);
      const value = option.field === 'title' ? row.title : option.field === 'reason' ? row.reason : fields[option.field];
      return typeof value === 'string' && value.trim() !== '';
    };
    for (const rule of kindDef.rules) {
      if (rule.anyOf.some(has)) continue;
      problems.push({
        entryId: row.id,
        regNo: row.reg_no,
        title: row.title,
        kind: row.kind,
        category: row.category,
        code: 'ENTRY_RULE_ANY_OF',
        rule: rule.key,
        options: rule.anyOf.map((o): EntryRuleOption => {
          if ('media' in o) return { media: o.media };
          const label = kindDef.fields.find((f) => f.key === o.field)?.label ?? { 'zh-CN': o.field, en: o.field };
          return { field: o.field, label };
        }),
      });
    }
  }
  return problems;
}
