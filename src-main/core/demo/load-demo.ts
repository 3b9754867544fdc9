// `kepu demo` and the "load sample campaign" button: two campaigns from the built-in templates,
// filled with the sample registrations and real media copied into the data directory.
import fs from 'node:fs';
import path from 'node:path';
import type { CampaignSummary } from '../../contract';
import type { CampaignRepo } from '../campaigns/campaign-repo';
import type { TemplateCatalog } from '../campaigns/templates';
import type { EntryRepo, NewEntry } from '../entries/entry-repo';
import { copyFileAtomic, writeFileAtomic } from '../files/atomic-write';
import { makePrivateDir } from '../files/private-files';
import { KepuError } from '../errors';
import type { Database } from 'better-sqlite3';
import type { AssetRepo, NewAsset } from '../media/asset-repo';
import { ProbeCache } from '../media/probe-cache';
import { checkFiles } from '../media/probe-queue';
import type { JudgeRepo } from '../review/judge-repo';
import { sha256File } from '../media/hash';
import { localToUtcIso } from '../time';
import { cacaSampleApplicants, type SampleEntry, sichuanSampleEntries } from './sample-data';
import { prepareSampleExchange } from './sample-exchange';

export interface DemoDeps {
  db: Database;
  dataDir: string;
  resourcesDir: string;
  templates: TemplateCatalog;
  campaigns: CampaignRepo;
  entries: EntryRepo;
  assets: AssetRepo;
  judges: JudgeRepo;
}

/** Returns the works campaign (the one a new user looks at first). */
export async function loadDemo(deps: DemoDeps): Promise<CampaignSummary> {
  const mediaDir = await copySampleMedia(deps);
  // The committee first, so the works campaign is the newest and tops the list.
  const committee = await createSampleCampaign(deps, 'caca-committee-2021', cacaSampleApplicants(), 'CACA21', mediaDir);
  const works = await createSampleCampaign(deps, 'sichuan-influence-2023', sichuanSampleEntries(), 'SC2023', mediaDir);
  // Probe the sample media once, so the compliance report has facts to show straight away.
  const files = deps.db.prepare('SELECT DISTINCT path FROM assets').pluck().all() as string[];
  await checkFiles(files, { rules: deps.templates.get('sichuan-influence-2023').definition.mediaRules, cache: new ProbeCache(deps.db) });
  await prepareSampleExchange(deps, works.id);
  await prepareSampleExchange(deps, committee.id, 'sample-bundles-committee');
  return deps.campaigns.summary(works.id);
}

async function createSampleCampaign(
  deps: DemoDeps,
  templateId: string,
  samples: SampleEntry[],
  regPrefix: string,
  mediaDir: string,
): Promise<CampaignSummary> {
  const template = deps.templates.get(templateId);
  const def = template.definition;
  const campaign = deps.campaigns.create(templateId, def, {
    'zh-CN': `【示例】${def.name['zh-CN']}`,
    en: `Sample: ${def.name.en}`,
  });
  const rows: NewEntry[] = samples.map((s, i) => ({
    regNo: `${regPrefix}-${String(i + 1).padStart(4, '0')}`,
    kind: s.kind,
    category: s.category,
    title: s.title,
    entrantType: s.entrantType,
    entrantName: s.entrantName,
    entrantUnit: s.entrantUnit,
    contactPhone: s.fields.phone ?? null,
    contactEmail: s.fields.email ?? null,
    reason: s.reason,
    fields: s.fields,
    submittedAt: localToUtcIso(s.submittedLocal, def.timeZone),
  }));
  const ids = deps.entries.insertMany(campaign.id, new Date(def.deadline).toISOString(), rows, def.opensAt === null ? null : new Date(def.opensAt).toISOString());
  // Judge profiles from institutions no sample entrant belongs to; each entry gets the campaign's
  // number of judges in turn (a stand-in until assignment proper is run).
  const judges = SAMPLE_JUDGES.map(([name, institution]) => deps.judges.create(campaign.id, name, institution));
  const perEntry = Math.min(def.judgesPerEntry, judges.length);
  deps.judges.assign(
    ids.flatMap((entryId, i) => Array.from({ length: perEntry }, (_, j) => ({ entryId, judgeId: judges[(i + j) % judges.length].id }))),
    'auto',
  );
  const facts = new Map<string, { sha256: string; size: number; mtimeMs: number }>();
  const assets: NewAsset[] = [];
  for (const [i, sample] of samples.entries()) {
    for (const [position, m] of sample.media.entries()) {
      const file = m.shared ? path.join(mediaDir, m.file) : ownCopy(mediaDir, m.file, rows[i].regNo);
      let fact = facts.get(file);
      if (!fact) {
        const stat = fs.statSync(file);
        fact = { sha256: await sha256File(file), size: stat.size, mtimeMs: stat.mtimeMs };
        facts.set(file, fact);
      }
      assets.push({ entryId: ids[i], role: m.role, position, path: file, sha256: fact.sha256, sizeBytes: fact.size, mtimeMs: fact.mtimeMs, eligibilityItem: m.evidenceFor ?? null });
    }
  }
  deps.assets.insertMany(assets);
  return deps.campaigns.summary(campaign.id);
}

const SAMPLE_JUDGES: [string, string][] = [
  ['王立新', '四川省医学会'],
  ['陈雪梅', '成都医学院'],
  ['刘振华', '四川省疾病预防控制中心'],
  ['Zhang Wei', '西南交通大学医学院'],
  ['赵敏', '成都商报-红星新闻'],
];

/**
 * Each sample entry gets its own copy of a sample file, made distinct by a harmless trailer (an MP4
 * 'free' box, bytes after a JPEG's end marker, a line of text), so the compliance report does not
 * flag every reuse as the same file under two entries. Files marked `shared` stay identical on
 * purpose, to show that check.
 */
function ownCopy(mediaDir: string, name: string, regNo: string): string {
  const target = path.join(mediaDir, regNo, name);
  if (fs.existsSync(target)) return target;
  const original = fs.readFileSync(path.join(mediaDir, name));
  const tag = Buffer.from(`kepu-sample ${regNo}`, 'utf8');
  let trailer: Buffer;
  const ext = path.extname(name).toLowerCase();
  if (ext === '.mp4') {
    trailer = Buffer.alloc(8 + tag.length);
    trailer.writeUInt32BE(trailer.length, 0);
    trailer.write('free', 4, 'latin1');
    tag.copy(trailer, 8);
  } else if (ext === '.txt') trailer = Buffer.from(`\n(${regNo})\n`, 'utf8');
  else trailer = tag;
  // Atomic: the existsSync above must never find half a copy left by a full disk.
  writeFileAtomic(target, Buffer.concat([original, trailer]));
  return target;
}

async function copySampleMedia(deps: DemoDeps): Promise<string> {
  const source = path.join(deps.resourcesDir, 'sample');
  if (!fs.existsSync(source)) {
    throw new KepuError('DEMO_RESOURCES_MISSING', `demo: sample media not found in ${source}`, { dir: source });
  }
  const target = path.join(deps.dataDir, 'media', 'sample');
  makePrivateDir(target);
  for (const name of fs.readdirSync(source)) {
    if (name === 'README.md') continue;
    const to = path.join(target, name);
    if (!fs.existsSync(to)) copyFileAtomic(path.join(source, name), to);
  }
  return target;
}
