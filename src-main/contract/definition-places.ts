// A definition problem in a person's words, wherever it is shown: the Setup tab (a refused save),
// the check of a programme file before a campaign is made from it, and the CLI's `campaign
// validate` / `campaign create --from`. Problems name their place as a path into the definition
// ("definition.lists.0.rubric.2.weight") and the things they concern by key ("creativity",
// "work"); nobody should read either. This turns the path into the place as the editor names it
// ("Lists & rubrics › Influence list › Rubric › Creativity") and each key into its label, from the
// definition the problem is about (and, for something a change removed, the one before it).
// Machines keep the raw codes, paths and keys: the CLI's --json prints the problems unexplained.
// Zod-free and i18next-free (the caller passes its translate function), so the renderer and the
// CLI share it (the layer table in eslint.config.mjs).
import type { CampaignDefinition, LocalizedText } from './domain';
import { allDimensions, allEligibility } from './lists';

/** The caller's translate function (i18next's `t`, narrowed to what is used here). */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

export type SectionId = 'basics' | 'contact' | 'kinds' | 'fields' | 'media' | 'judging' | 'lists' | 'certificates' | 'versions';

export interface ProblemPlace {
  section: SectionId;
  /** The list or entry kind the problem is in, to open it. */
  listIndex?: number;
  kindIndex?: number;
  /** "Lists › Brand value list › Rubric › row 3". */
  text: string;
}

const SECTION_OF: Record<string, SectionId> = {
  name: 'basics', editionYear: 'basics', organizers: 'basics', opensAt: 'basics', deadline: 'basics', timeZone: 'basics', kind: 'basics',
  contact: 'contact', notice: 'contact',
  entryKinds: 'kinds', mediaRules: 'media', lists: 'lists', certificates: 'certificates',
  judgesPerEntry: 'judging', blindReview: 'judging', assignment: 'judging', entrantTypes: 'kinds',
};

/** Places in a programme file outside its definition (PROGRAMME_INVALID names them). */
const FILE_PLACES: Record<string, string> = {
  '': 'programme.place.file', '(file)': 'programme.place.file', format: 'programme.place.format',
  id: 'programme.place.id', description: 'programme.place.description', source: 'programme.place.source', definition: 'programme.place.definition',
};

export function localizedText(text: LocalizedText, lang: string): string {
  return lang === 'zh-CN' ? text['zh-CN'] : text.en;
}

/** Where `path` points, in the words of the editor; null when it names no place. `def` may be null (a file the schema refused). */
export function problemPlace(path: string, def: CampaignDefinition | null, t: Translate, lang: string): ProblemPlace | null {
  const parts = path.split('.').filter((p) => p !== 'definition');
  const section = SECTION_OF[parts[0]];
  if (!section) return null;
  const crumbs = [t(`setup.nav.${section}`)];
  const row = (n: string | undefined) => (n !== undefined && /^\d+$/.test(n) ? t('setup.rowN', { n: Number(n) + 1 }) : null);
  const named = (text: LocalizedText | undefined, n: string | undefined) => (text && localizedText(text, lang)) || row(n) || '';
  const place: ProblemPlace = { section, text: '' };
  if (parts[0] === 'lists' && parts[1] !== undefined) {
    const index = Number(parts[1]);
    const list = def?.lists[index];
    place.listIndex = index;
    crumbs.push((list && localizedText(list.name, lang)) || (def ? t('setup.untitledList') : row(parts[1]) ?? ''));
    const part = parts[2] === 'rubric' ? 'setup.rubric' : parts[2] === 'eligibility' ? 'overview.eligibility' : parts[2] === 'feeds' ? 'setup.listFeeds' : parts[2] === 'certificateKind' ? 'setup.listCertificate' : parts[2] === 'tiers' ? 'setup.listTiers' : parts[2] === 'method' ? 'setup.listMethod' : parts[2] === 'rounds' ? 'setup.rounds.title' : null;
    if (part) crumbs.push(t(part));
    const item = parts[2] === 'rubric' ? list?.rubric[Number(parts[3])] : parts[2] === 'eligibility' ? list?.eligibility[Number(parts[3])] : parts[2] === 'tiers' ? list?.tiers?.[Number(parts[3])] : undefined;
    if ((parts[2] === 'rubric' || parts[2] === 'eligibility' || parts[2] === 'tiers') && parts[3] !== undefined) crumbs.push(named(item?.label, parts[3]));
    if (parts[2] === 'rounds' && parts[3] !== undefined) crumbs.push(named(list?.rounds?.[Number(parts[3])]?.name, parts[3]));
  } else if (parts[0] === 'entryKinds' && parts[1] !== undefined) {
    const index = Number(parts[1]);
    const kind = def?.entryKinds[index];
    place.kindIndex = index;
    if (parts[2] === 'fields' || parts[2] === 'rules') place.section = 'fields';
    crumbs[0] = t(`setup.nav.${place.section}`);
    crumbs.push(named(kind?.label, parts[1]));
    if (parts[2] === 'rules') crumbs.push(t('setup.rules'), row(parts[3]) ?? '');
    else if (parts[2] === 'fields' && parts[3] !== undefined) crumbs.push(named(kind?.fields[Number(parts[3])]?.label, parts[3]));
    else if (parts[2] === 'categories' && parts[3] !== undefined) crumbs.push(named(kind?.categories[Number(parts[3])]?.label, parts[3]));
  } else if (parts[0] === 'certificates' && parts[1] !== undefined) {
    const certificate = def?.certificates[Number(parts[1])];
    crumbs.push(named(certificate?.label, parts[1]));
    if (parts[2] === 'steps') crumbs.push(t('setup.steps.title'));
    if (parts[2] === 'steps' && parts[3] !== undefined) {
      const step = certificate?.steps?.[Number(parts[3])];
      // A step may be named in one language only (or not yet: the problem this names).
      const name = step ? (localizedText(step.label, lang).trim() || step.label['zh-CN'].trim() || step.label.en.trim()) : '';
      crumbs.push(name || (row(parts[3]) ?? ''));
    }
  } else if (parts[0] === 'organizers') {
    crumbs.push(t('overview.organizers'), row(parts[1]) ?? '');
  }
  const language = parts.at(-1) === 'zh-CN' ? t('setup.zh') : parts.at(-1) === 'en' ? t('setup.en') : null;
  if (language) crumbs.push(language);
  place.text = crumbs.filter(Boolean).join(' › ');
  return place;
}

/** A path in words: the editor's place, or for a programme file's own parts their name. */
export function placeText(path: string, def: CampaignDefinition | null, t: Translate, lang: string): string {
  const place = problemPlace(path, def, t, lang);
  if (place) return place.text;
  const own = FILE_PLACES[path] ?? FILE_PLACES[path.split('.')[0]];
  return own ? t(own) : t('programme.place.other');
}

/** The English words of zod and of the JSON parser for the usual slips, in the reader's language. */
export function detailText(detail: string, t: Translate): string {
  if (/expected string to have >=1/.test(detail)) return t('setup.problems.empty');
  if (/expected number to be >0|expected number to be >=1/.test(detail)) return t('setup.problems.positive');
  if (/expected array to have >=1/.test(detail)) return t('setup.problems.noneChosen');
  if (/lower-case key/.test(detail)) return t('setup.problems.key');
  if (/A-Za-z0-9-/.test(detail)) return t('setup.problems.prefix');
  const tooLarge = /larger than (\d+) bytes/.exec(detail);
  if (tooLarge) return t('setup.problems.tooLarge', { mb: Number(tooLarge[1]) / 1024 / 1024 });
  if (detail === '0 bytes') return t('setup.problems.emptyFile');
  if (/JSON|Unexpected (token|end)/.test(detail)) {
    const at = /line (\d+) column (\d+)/.exec(detail);
    return at ? t('setup.problems.notJsonAt', { line: Number(at[1]), column: Number(at[2]) }) : t('setup.problems.notJson');
  }
  if (/^Invalid input|^Invalid option|^Unrecognized key/.test(detail)) return t('setup.problems.notAllowed');
  return detail;
}

/** The kind a problem is about: named by its `kind` param, else the entry kind its path is in. */
function kindOf(raw: Readonly<Record<string, unknown>>, defs: readonly CampaignDefinition[]) {
  const byKey = typeof raw.kind === 'string' ? raw.kind : undefined;
  const atIndex = typeof raw.path === 'string' ? /(?:^|\.)entryKinds\.(\d+)/.exec(raw.path)?.[1] : undefined;
  const key = byKey ?? (atIndex !== undefined ? defs[0]?.entryKinds[Number(atIndex)]?.kind : undefined);
  return defs.map((d) => d.entryKinds.find((k) => k.kind === key)).filter((k) => k !== undefined);
}

/** The label of the item a duplicate key was found at (its second place). */
function labelAt(path: string, def: CampaignDefinition): LocalizedText | undefined {
  const p = path.split('.').filter((x) => x !== 'definition');
  const n = (i: number) => Number(p[i]);
  if (p[0] === 'lists' && p.length === 2) return def.lists[n(1)]?.name;
  if (p[0] === 'lists' && p[2] === 'rubric') return def.lists[n(1)]?.rubric[n(3)]?.label;
  if (p[0] === 'lists' && p[2] === 'eligibility') return def.lists[n(1)]?.eligibility[n(3)]?.label;
  if (p[0] === 'lists' && p[2] === 'tiers') return def.lists[n(1)]?.tiers?.[n(3)]?.label;
  if (p[0] === 'lists' && p[2] === 'rounds' && p.length === 4) return def.lists[n(1)]?.rounds?.[n(3)]?.name;
  if (p[0] === 'entryKinds' && p.length === 2) return def.entryKinds[n(1)]?.label;
  if (p[0] === 'entryKinds' && p[2] === 'categories') return def.entryKinds[n(1)]?.categories[n(3)]?.label;
  if (p[0] === 'entryKinds' && p[2] === 'fields' && p[4] === 'choices') return def.entryKinds[n(1)]?.fields[n(3)]?.choices?.[n(5)]?.label;
  if (p[0] === 'entryKinds' && p[2] === 'fields') return def.entryKinds[n(1)]?.fields[n(3)]?.label;
  if (p[0] === 'certificates' && p[2] === 'steps') return def.certificates[n(1)]?.steps?.[n(3)]?.label;
  if (p[0] === 'certificates') return def.certificates[n(1)]?.label;
  return undefined;
}

/**
 * A problem's params in a person's words: every key the definition knows replaced by its label,
 * `path` (and a `list` that is a path) by the place, `label` added for a duplicate key, zod's
 * wording translated; and the place, to open it. `previous` is the definition before the change,
 * for what the change removed (a dimension that has scores…). Keys no definition knows stay as
 * they are: the messages that could meet one (an unknown kind, field or certificate kind) do not
 * print it.
 */
export function explainParams(
  raw: Readonly<Record<string, unknown>>,
  def: CampaignDefinition | null,
  t: Translate,
  lang: string,
  previous?: CampaignDefinition | null,
): { params: Record<string, string | number>; place: ProblemPlace | null } {
  const defs = [def, previous].filter((d): d is CampaignDefinition => Boolean(d));
  const params = { ...raw } as Record<string, string | number>;
  const label = (text: LocalizedText | undefined) => (text ? localizedText(text, lang) : undefined);
  const first = <T>(find: (d: CampaignDefinition) => T | undefined) => defs.map(find).find((x) => x !== undefined);
  const place = typeof raw.path === 'string' ? problemPlace(raw.path, def, t, lang) : null;
  if (typeof raw.path === 'string') params.path = place?.text ?? placeText(raw.path, def, t, lang);
  if (typeof raw.key === 'string' && typeof raw.path === 'string') params.label = label(first((d) => labelAt(raw.path as string, d))) ?? params.path;
  if (typeof raw.list === 'string') {
    params.list = raw.list.startsWith('definition.') ? placeText(raw.list, def, t, lang) : (label(first((d) => d.lists.find((l) => l.key === raw.list)?.name)) ?? raw.list);
  }
  const kinds = kindOf(raw, defs);
  if (typeof raw.kind === 'string' && kinds[0]) params.kind = localizedText(kinds[0].label, lang);
  if (typeof raw.category === 'string' && raw.category !== '') {
    const category = kinds.flatMap((k) => k.categories).find((c) => c.key === raw.category) ?? first((d) => d.entryKinds.flatMap((k) => k.categories).find((c) => c.key === raw.category));
    if (category) params.category = localizedText(category.label, lang);
  }
  if (typeof raw.field === 'string') {
    const field = kinds.flatMap((k) => k.fields).find((f) => f.key === raw.field) ?? first((d) => d.entryKinds.flatMap((k) => k.fields).find((f) => f.key === raw.field));
    if (field) params.field = localizedText(field.label, lang);
  }
  if (typeof raw.dimension === 'string') params.dimension = label(first((d) => allDimensions(d).find((x) => x.key === raw.dimension)?.label)) ?? raw.dimension;
  if (typeof raw.item === 'string') params.item = label(first((d) => allEligibility(d).find((x) => x.key === raw.item)?.label)) ?? raw.item;
  if (typeof raw.certificate === 'string') params.certificate = label(first((d) => d.certificates.find((c) => c.key === raw.certificate)?.label)) ?? raw.certificate;
  if (typeof raw.detail === 'string') params.detail = detailText(raw.detail, t);
  return { params, place };
}

/** Codes whose message already says where ("… at Judging, it must be more than 0"). */
const PLACE_IN_MESSAGE: readonly string[] = ['PROGRAMME_INVALID', 'DEFINITION_INVALID'];

/**
 * One problem in the reader's language: where it is (null when the message says it already, or
 * the path names no place in the definition) and its translated message, keys replaced by labels.
 */
export function problemLine(
  problem: { code: string; path?: string; params: Readonly<Record<string, unknown>> },
  def: CampaignDefinition | null,
  t: Translate,
  lang: string,
  previous?: CampaignDefinition | null,
): { place: string | null; message: string } {
  const path = problem.path ?? (typeof problem.params.path === 'string' ? problem.params.path : undefined);
  const explained = explainParams(path === undefined ? problem.params : { ...problem.params, path }, def, t, lang, previous);
  const place = PLACE_IN_MESSAGE.includes(problem.code) ? null : (explained.place?.text ?? null);
  return { place, message: t(`errors.${problem.code}`, explained.params) };
}

/** The same as one line of text ("Lists & rubrics › Influence list › Rubric: The weights add up to 90 %…"). */
export function problemText(
  problem: { code: string; path?: string; params: Readonly<Record<string, unknown>> },
  def: CampaignDefinition | null,
  t: Translate,
  lang: string,
  previous?: CampaignDefinition | null,
): string {
  const line = problemLine(problem, def, t, lang, previous);
  return line.place ? t('programme.problemLine', { place: line.place, message: line.message }) : line.message;
}
