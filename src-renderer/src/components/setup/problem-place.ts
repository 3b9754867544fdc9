// A refused save names the place of the problem as a path into the definition
// ("definition.lists.2.rubric", the same wording a programme file's check uses) and keys
// ("kind": "work"). The Setup tab turns both into what the coordinator sees on screen — the
// section, the list or kind by its name, the row — and can open that section. The error itself
// still travels the usual way (the store's error banner, translated from its code).
import type { TFunction } from 'i18next';
import type { CampaignDefinition } from '../../../../src-main/contract';
import { localized } from '../../format';

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

/** Where `path` points, in the words of the editor; null when it names no place. */
export function problemPlace(path: string, def: CampaignDefinition, t: TFunction, lang: string): ProblemPlace | null {
  const parts = path.split('.').filter((p) => p !== 'definition');
  const section = SECTION_OF[parts[0]];
  if (!section) return null;
  const crumbs = [t(`setup.nav.${section}`)];
  const row = (n: string | undefined) => (n !== undefined && /^\d+$/.test(n) ? t('setup.rowN', { n: Number(n) + 1 }) : null);
  const place: ProblemPlace = { section, text: '' };
  if (parts[0] === 'lists' && parts[1] !== undefined) {
    const index = Number(parts[1]);
    const list = def.lists[index];
    place.listIndex = index;
    crumbs.push((list && localized(list.name, lang)) || t('setup.untitledList'));
    const part = parts[2] === 'rubric' ? 'setup.rubric' : parts[2] === 'eligibility' ? 'overview.eligibility' : parts[2] === 'feeds' ? 'setup.listFeeds' : parts[2] === 'certificateKind' ? 'setup.listCertificate' : null;
    if (part) crumbs.push(t(part));
    const item = parts[2] === 'rubric' ? list?.rubric[Number(parts[3])] : parts[2] === 'eligibility' ? list?.eligibility[Number(parts[3])] : undefined;
    if (item) crumbs.push(localized(item.label, lang) || row(parts[3]) || '');
  } else if (parts[0] === 'entryKinds' && parts[1] !== undefined) {
    const index = Number(parts[1]);
    const kind = def.entryKinds[index];
    place.kindIndex = index;
    if (parts[2] === 'fields' || parts[2] === 'rules') place.section = 'fields';
    crumbs[0] = t(`setup.nav.${place.section}`);
    crumbs.push(kind ? localized(kind.label, lang) : row(parts[1]) ?? '');
    const field = parts[2] === 'fields' ? kind?.fields[Number(parts[3])] : undefined;
    const category = parts[2] === 'categories' ? kind?.categories[Number(parts[3])] : undefined;
    if (parts[2] === 'rules') crumbs.push(t('setup.rules'));
    const named = field ?? category;
    if (named) crumbs.push(localized(named.label, lang) || row(parts[3]) || '');
    else if (parts[2] === 'rules') crumbs.push(row(parts[3]) ?? '');
  } else if (parts[0] === 'certificates' && parts[1] !== undefined) {
    const c = def.certificates[Number(parts[1])];
    crumbs.push((c && localized(c.label, lang)) || row(parts[1]) || '');
  } else if (parts[0] === 'organizers') {
    crumbs.push(t('overview.organizers'), row(parts[1]) ?? '');
  }
  const language = parts.at(-1) === 'zh-CN' ? t('setup.zh') : parts.at(-1) === 'en' ? t('setup.en') : null;
  if (language) crumbs.push(language);
  place.text = crumbs.filter(Boolean).join(' › ');
  return place;
}

/** Zod's English words for the usual slips, in the coordinator's language. */
function detailText(detail: string, t: TFunction): string {
  if (/expected string to have >=1/.test(detail)) return t('setup.problems.empty');
  if (/expected number to be >0|expected number to be >=1/.test(detail)) return t('setup.problems.positive');
  if (/expected array to have >=1/.test(detail)) return t('setup.problems.noneChosen');
  if (/lower-case key/.test(detail)) return t('setup.problems.key');
  if (/A-Za-z0-9-/.test(detail)) return t('setup.problems.prefix');
  return detail;
}

/** A refusal's params in the coordinator's words (names instead of keys, the place instead of a path), and that place. */
export function explainParams(raw: Readonly<Record<string, unknown>>, def: CampaignDefinition, t: TFunction, lang: string): { params: Record<string, string | number>; place: ProblemPlace | null } {
  const params = { ...raw } as Record<string, string | number>;
  const place = typeof params.path === 'string' ? problemPlace(params.path, def, t, lang) : null;
  if (place) params.path = place.text;
  if (typeof params.list === 'string' && params.list.startsWith('definition.')) params.list = problemPlace(params.list, def, t, lang)?.text ?? params.list;
  const kind = typeof params.kind === 'string' ? def.entryKinds.find((k) => k.kind === params.kind) : undefined;
  if (kind) {
    params.kind = localized(kind.label, lang);
    const category = typeof params.category === 'string' ? kind.categories.find((c) => c.key === params.category) : undefined;
    if (category) params.category = localized(category.label, lang);
  }
  if (typeof params.list === 'string') {
    const list = def.lists.find((l) => l.key === params.list);
    if (list) params.list = localized(list.name, lang);
  }
  if (typeof params.detail === 'string') params.detail = detailText(params.detail, t);
  return { params, place };
}
