// One registration row → an entry, or the list of what is wrong with it. Nothing here throws:
// every problem becomes a RowError with a code, the mapping target and the offending value (with
// bidirectional control characters shown as visible markers, so a message cannot be reordered by
// the value it quotes). Warnings do not stop a row: a text field holding bidi controls is imported
// and flagged; the registration number, an identifier, must be plain (isSafeRegNo) or the row is refused.
import type { CampaignDefinition, EntrantType, EntryKind, EntryKindDef, RowError, RowErrorCode } from '../../contract';
import { BIDI_CONTROL_RE, isSafeRegNo, normalizeRegNo, showBidiControls } from '../../contract/identifiers';
import type { NewEntry } from '../entries/entry-repo';
import { normaliseHeader, type Target } from './targets';
import { isEmail, isUrl, normalisePhone, parseDateCell, parseEntrantType, parseNumberCell, parseSubmissionTime } from './values';

export interface RowReader {
  read(cells: string[]): { entry: NewEntry | null; regNo: string | null; errors: RowError[]; warnings: RowError[] };
}

const KIND_WORDS: Record<EntryKind, string[]> = {
  work: ['作品', '科普作品', '作品类', 'work', 'works'],
  account: ['账号', '帐号', '科普账号', '账号类', 'account', 'accounts', 'accountnumber'],
  individual: ['个人', '科普个人', 'individual', 'person'],
  applicant: ['申报人', '委员申报人', '委员', 'applicant', 'candidate'],
  brand: ['品牌', '健康品牌', '品牌类', 'brand', 'brands'],
};

/**
 * What the campaign already holds under a registration number: a re-import may keep a retired
 * category, and keeps the values of retired fields (no longer imported) that were collected.
 */
export type StoredEntryLookup = (regNo: string) => { kind: EntryKind; category: string | null; fields: Record<string, string> } | undefined;

export function createRowReader(
  def: CampaignDefinition,
  targets: Target[],
  mapping: Record<string, number | null>,
  stored: StoredEntryLookup = () => undefined,
): RowReader {
  const kindByWord = new Map<string, EntryKind>();
  const categoryByWord = new Map<string, { kind: EntryKind; category: string }>();
  for (const k of def.entryKinds) {
    for (const w of [k.kind, k.label['zh-CN'], k.label.en, ...KIND_WORDS[k.kind]]) kindByWord.set(normaliseHeader(w), k.kind);
    for (const c of k.categories) {
      for (const w of [c.key, c.label['zh-CN'], c.label.en]) categoryByWord.set(normaliseHeader(w), { kind: k.kind, category: c.key });
    }
  }
  const fieldTargets = targets.filter((t) => t.field);

  return {
    read(cells) {
      const errors: RowError[] = [];
      const value = (key: string) => {
        const column = mapping[key];
        return column === null || column === undefined ? '' : (cells[column] ?? '').trim();
      };
      const problem = (code: RowErrorCode, target: string) =>
        errors.push({ code, target, column: mapping[target] ?? null, value: showBidiControls(value(target)) });
      const warnings: RowError[] = [];
      const warn = (code: RowErrorCode, target: string) =>
        warnings.push({ code, target, column: mapping[target] ?? null, value: showBidiControls(value(target)) });

      let regNo = value('sys.regNo') ? normalizeRegNo(value('sys.regNo')) : null;
      if (!regNo) problem('ROW_MISSING_FIELD', 'sys.regNo');
      else if (!isSafeRegNo(regNo)) {
        problem('ROW_BAD_REG_NO', 'sys.regNo');
        regNo = showBidiControls(regNo); // only reported, never stored
      }

      // Kind: the only one, or read from its column; a category word ("视频") implies a work.
      let kind: EntryKind | null = def.entryKinds.length === 1 ? def.entryKinds[0].kind : null;
      let category: string | null = null;
      /** The column the category was read from (the kind column when it held a category word). */
      let categoryTarget = 'sys.kind';
      const kindText = normaliseHeader(value('sys.kind'));
      if (kindText) {
        const byWord = kindByWord.get(kindText) ?? categoryByWord.get(kindText)?.kind;
        if (byWord && def.entryKinds.some((k) => k.kind === byWord)) {
          kind = byWord;
          category = categoryByWord.get(kindText)?.category ?? null;
        } else problem('ROW_UNKNOWN_KIND', 'sys.kind');
      } else if (!kind) problem('ROW_MISSING_FIELD', 'sys.kind');
      const kindDef = def.entryKinds.find((k) => k.kind === kind);

      if (kindDef && kindDef.categories.length > 0 && mapping['sys.category'] != null) {
        const text = normaliseHeader(value('sys.category'));
        const found = categoryByWord.get(text);
        if (!text) {
          if (!category) problem('ROW_MISSING_FIELD', 'sys.category');
        } else if (found && found.kind === kind) {
          category = found.category;
          categoryTarget = 'sys.category';
        } else problem('ROW_UNKNOWN_CATEGORY', 'sys.category');
      }
      // A retired category takes no new registrations; an entry already filed under it may be
      // imported again (its registration is updated, it stays where it is).
      if (kindDef && category && kindDef.categories.find((c) => c.key === category)?.retired) {
        const before = regNo ? stored(regNo) : undefined;
        if (!before || before.kind !== kind || before.category !== category) problem('ROW_CATEGORY_RETIRED', categoryTarget);
      }

      const fields: Record<string, string> = {};
      if (kindDef) {
        for (const target of fieldTargets) {
          const field = kindDef.fields.find((f) => f.key === target.field!.key);
          if (!field || field.retired) continue; // a column for another kind of entry, or no longer asked for
          const raw = value(target.key);
          if (!raw) {
            if (field.required) problem('ROW_MISSING_FIELD', target.key);
            continue;
          }
          const checked = checkField(field, raw, def.timeZone);
          if (typeof checked === 'string') fields[field.key] = checked;
          // A malformed optional value (an e-mail without @) does not cost the entrant the
          // registration: the row is imported without it and flagged, the value shown in the report.
          else if (field.required) problem(checked.code, target.key);
          else warn(checked.code, target.key);
        }
        // Retired fields are no longer read; what was collected for this entry stays.
        const before = regNo ? stored(regNo) : undefined;
        if (before && before.kind === kind) {
          for (const field of kindDef.fields) if (field.retired && before.fields[field.key] !== undefined) fields[field.key] = before.fields[field.key];
        }
        // Completeness rules made of fields only are checked here; a rule that media can meet
        // ("a link or a screenshot") waits for the media check (core/media/entry-rules.ts).
        for (const rule of kindDef.rules) {
          const options = fieldOnlyRule(rule, kindDef);
          if (!options || options.some((key) => fields[key] !== undefined)) continue;
          const ruleTargets = options.map((key) => `field.${key}`);
          errors.push({ code: 'ROW_RULE_ANY_OF', target: ruleTargets[0], column: mapping[ruleTargets[0]] ?? null, value: '', targets: ruleTargets });
        }
      }

      let submittedAt: string | null = null;
      const submittedText = value('sys.submittedAt');
      if (submittedText) {
        submittedAt = parseSubmissionTime(submittedText, def.timeZone);
        if (!submittedAt) problem('ROW_BAD_DATE', 'sys.submittedAt');
      }

      let explicitType: EntrantType | null = null;
      if (value('sys.entrantType')) explicitType = parseEntrantType(value('sys.entrantType'));

      // Stored text with bidi controls: imported, flagged. Identifiers (registration number, kind,
      // category, choices) holding them were refused above: they match no known value.
      for (const [key, text] of Object.entries(fields)) {
        if (BIDI_CONTROL_RE.test(text)) warnings.push({ code: 'ROW_BIDI_CONTROL', target: `field.${key}`, column: mapping[`field.${key}`] ?? null, value: bidiExcerpt(text) });
      }

      if (errors.length > 0 || !kindDef || !regNo) return { entry: null, regNo, errors, warnings };
      const entry = composeEntry(kindDef, regNo, category, fields, submittedAt, explicitType);
      if (!entry.title) {
        const titleTarget = kindDef.kind === 'brand' ? 'field.brand_name' : 'field.title';
        errors.push({ code: 'ROW_MISSING_FIELD', target: titleTarget, column: mapping[titleTarget] ?? null, value: '' });
        return { entry: null, regNo, errors, warnings };
      }
      return { entry, regNo, errors, warnings };
    },
  };
}

/**
 * The field keys of a rule whose every option is a field still asked for, or null when media (or
 * a retired field, which imports no longer fill) can meet it.
 */
function fieldOnlyRule(rule: EntryKindDef['rules'][number], kindDef: EntryKindDef): string[] | null {
  const keys: string[] = [];
  for (const option of rule.anyOf) {
    if (!('field' in option)) return null;
    if (kindDef.fields.find((f) => f.key === option.field)?.retired) return null;
    keys.push(option.field);
  }
  return keys;
}

/** A window of the text around its first bidi control, the controls shown as markers. */
function bidiExcerpt(text: string): string {
  const at = text.search(BIDI_CONTROL_RE);
  const start = Math.max(0, at - 24);
  const end = Math.min(text.length, at + 40);
  return `${start > 0 ? '…' : ''}${showBidiControls(text.slice(start, end))}${end < text.length ? '…' : ''}`;
}

function checkField(field: EntryKindDef['fields'][number], raw: string, timeZone: string): string | { code: RowErrorCode } {
  switch (field.type) {
    case 'text':
    case 'longtext':
    case 'file':
      return raw;
    case 'number':
      return parseNumberCell(raw) ?? { code: 'ROW_BAD_NUMBER' };
    case 'date':
      return parseDateCell(raw) ?? { code: 'ROW_BAD_DATE' };
    case 'phone':
      return normalisePhone(raw) ?? { code: 'ROW_BAD_PHONE' };
    case 'email':
      return isEmail(raw) ? raw : { code: 'ROW_BAD_EMAIL' };
    case 'url':
      return isUrl(raw) ? raw : { code: 'ROW_BAD_URL' };
    case 'datetime':
      return parseSubmissionTime(raw, timeZone) ? raw : { code: 'ROW_BAD_DATE' };
    case 'choice': {
      const text = normaliseHeader(raw);
      const choice = field.choices?.find((c) => [c.key, c.label['zh-CN'], c.label.en].some((w) => normaliseHeader(w) === text));
      return choice ? choice.key : { code: 'ROW_BAD_CHOICE' };
    }
  }
}

/** Title, entrant and contact columns from the kind's fields; everything else stays in `fields`. */
function composeEntry(
  kindDef: EntryKindDef,
  regNo: string,
  category: string | null,
  fields: Record<string, string>,
  submittedAt: string | null,
  explicitType: EntrantType | null,
): NewEntry {
  const f = (key: string) => fields[key] || null;
  const unit = f('unit') ?? f('hospital');
  const personal = f('name') ?? f('authors');
  // A brand is entered by its unit (the applying organisation), an individual or applicant by a person.
  const entrantType: EntrantType =
    explicitType ??
    (kindDef.kind === 'brand' ? 'unit' : kindDef.kind === 'individual' || kindDef.kind === 'applicant' ? 'individual' : unit ? 'unit' : 'individual');
  let title = f('title');
  if (!title && kindDef.kind === 'brand') title = f('brand_name');
  if (!title && kindDef.kind === 'account') title = [f('platform'), f('account_name')].filter(Boolean).join(' · ');
  if (!title && personal) title = [personal, unit, f('department')].filter(Boolean).join(' · ');
  const { title: _t, reason: _r, ...rest } = fields;
  return {
    regNo,
    kind: kindDef.kind,
    category,
    title: title ?? '',
    entrantType,
    entrantName: (entrantType === 'unit' ? unit ?? personal : personal ?? f('account_name') ?? unit) ?? '',
    entrantUnit: unit,
    contactPhone: f('phone'),
    contactEmail: f('email'),
    reason: f('reason'),
    fields: rest,
    submittedAt,
  };
}
