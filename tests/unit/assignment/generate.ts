// Reproducible assignment inputs for the property tests and the bench: a seeded mulberry32 draws
// entries (works by category, accounts, individuals; entrants that are units or people of a unit)
// and judges from a shared pool of institutions, written with the spacing and punctuation
// variants people type, so institution exclusions really happen.
import type { AssignEntry, AssignJudge, Pair } from '../../../src-main/core/assignment/assign';
import { mulberry32 } from '../../../src-main/core/assignment/seeded';

const CITIES = ['成都', '绵阳', '自贡', '泸州', '德阳', '广元', '遂宁', '内江', '乐山', '南充', '宜宾', '广安', '达州', '雅安', '巴中', '眉山'];
const KINDS_OF_PLACE = ['市第一人民医院', '市第二人民医院', '市中医医院', '市妇幼保健院', '市疾病预防控制中心', '市肿瘤医院'];
const CATEGORIES = ['graphic', 'cartoon', 'video', 'other'];

/** 96 institutions, "成都市第一人民医院" … */
export const INSTITUTIONS: string[] = CITIES.flatMap((city) => KINDS_OF_PLACE.map((place) => `${city}${place}`));

/** How people type the same name: extra spaces, full-width brackets, a trailing full stop. */
function variant(name: string, r: number): string {
  if (r < 0.6) return name;
  if (r < 0.75) return ` ${name.slice(0, 2)} ${name.slice(2)} `;
  if (r < 0.9) return `${name.slice(0, 2)}（${name.slice(2)}）`;
  return `${name}。`;
}

export interface GenerateOptions {
  entries: number;
  judges: number;
  seed: number;
  /** How many institutions judges and entrants are drawn from (smaller → more exclusions). */
  institutions?: number;
  /** Share of judges with no institution. */
  judgesWithoutInstitution?: number;
  /** Conflicts and fixed pairs to draw. */
  conflicts?: number;
  fixed?: number;
  /** Entry ids start here (so tests can use ids that are not positions). */
  firstId?: number;
}

export interface Generated {
  entries: AssignEntry[];
  judges: AssignJudge[];
  conflicts: Pair[];
  fixed: Pair[];
}

export function generateInput(options: GenerateOptions): Generated {
  const random = mulberry32(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const pool = INSTITUTIONS.slice(0, Math.max(1, Math.min(INSTITUTIONS.length, options.institutions ?? INSTITUTIONS.length)));
  const firstId = options.firstId ?? 1;

  const judges: AssignJudge[] = Array.from({ length: options.judges }, (_, j) => {
    const specialities = [pick([...CATEGORIES, 'account', 'individual'])];
    if (random() < 0.3) specialities.push(pick(CATEGORIES));
    return {
      id: `j-${String(j).padStart(4, '0')}-${Math.floor(random() * 1e6).toString(36)}`,
      institution: random() < (options.judgesWithoutInstitution ?? 0.1) ? null : variant(pick(pool), random()),
      specialities,
    };
  });

  const entries: AssignEntry[] = Array.from({ length: options.entries }, (_, i) => {
    const r = random();
    const kind = r < 0.6 ? 'work' : r < 0.85 ? 'account' : 'individual';
    const unitEntrant = random() < 0.4;
    // Units enter under their own name; people name their unit, sometimes one outside the pool.
    const home = random() < 0.8 ? pick(pool) : `${pick(CITIES)}社区卫生服务中心${Math.floor(random() * 50)}`;
    return {
      id: firstId + i * 3,
      kind,
      category: kind === 'work' ? pick(CATEGORIES) : null,
      entrantName: unitEntrant ? variant(home, random()) : `作者${i % 5000}`,
      entrantUnit: unitEntrant ? null : variant(home, random()),
    };
  });

  const pairOf = (): Pair => ({ entryId: pick(entries).id, judgeId: pick(judges).id });
  const conflicts = options.entries && options.judges ? Array.from({ length: options.conflicts ?? 0 }, pairOf) : [];
  const fixed = options.entries && options.judges ? Array.from({ length: options.fixed ?? 0 }, pairOf) : [];
  return { entries, judges, conflicts, fixed };
}

/** Fisher–Yates with its own seeded generator; returns a new array. */
export function shuffled<T>(list: readonly T[], seed: number): T[] {
  const random = mulberry32(seed);
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
