// Seeds a data folder with a large campaign straight through the core (no UI), for scale tests.
import fs from 'node:fs';
import path from 'node:path';
import { CampaignRepo } from '../../src-main/core/campaigns/campaign-repo';
import { TemplateCatalog } from '../../src-main/core/campaigns/templates';
import { databasePath, openDatabase } from '../../src-main/core/db/connection';
import { EntryRepo, type NewEntry } from '../../src-main/core/entries/entry-repo';

const root = path.resolve(import.meta.dirname, '../..');

export function syntheticEntries(count: number): NewEntry[] {
  const kinds = ['work', 'account', 'individual'] as const;
  const categories = ['graphic', 'cartoon', 'video', 'other'];
  return Array.from({ length: count }, (_, i) => {
    const kind = kinds[i % 3];
    return {
      regNo: `SC2023-${String(i + 1).padStart(6, '0')}`,
      kind,
      category: kind === 'work' ? categories[i % 4] : null,
      title: `健康科普作品 ${i + 1} · Health work ${i + 1}`,
      entrantType: i % 2 ? 'individual' : 'unit',
      entrantName: `报名者 ${i % 997}`,
      entrantUnit: `医院 ${i % 211}`,
      contactPhone: `138${String(i).padStart(8, '0')}`,
      contactEmail: null,
      reason: '推荐理由',
      fields: {},
      submittedAt: new Date(Date.UTC(2023, 11, 9) + (i % 17) * 86_400_000 + (i % 1440) * 60_000).toISOString(),
    };
  });
}

export function seedLargeCampaign(dataDir: string, count: number): string {
  const db = openDatabase(databasePath(dataDir));
  try {
    const template = new TemplateCatalog(path.join(root, 'resources', 'templates')).get('sichuan-influence-2023');
    const campaign = new CampaignRepo(db).create(template.id, template.definition);
    const entries = new EntryRepo(db);
    const all = syntheticEntries(count);
    for (let i = 0; i < all.length; i += 5000) entries.insertMany(campaign.id, new Date(template.definition.deadline).toISOString(), all.slice(i, i + 5000));
    return campaign.id;
  } finally {
    db.close();
  }
}

/** A Sichuan campaign with the registrations of the intake fixture, imported through the core. */
export async function seedImportedCampaign(dataDir: string): Promise<string> {
  const { importRegistrations } = await import('../../src-main/core/intake/import-registrations');
  const fs = await import('node:fs');
  const db = openDatabase(databasePath(dataDir));
  try {
    const template = new TemplateCatalog(path.join(root, 'resources', 'templates')).get('sichuan-influence-2023');
    const campaigns = new CampaignRepo(db);
    const campaign = campaigns.create(template.id, template.definition);
    const file = path.join(root, 'tests/fixtures/intake/sichuan-registrations.utf8-bom.csv');
    await importRegistrations({ db, campaigns, entries: new EntryRepo(db) }, campaign.id, { fileName: 'r.csv', bytes: fs.readFileSync(file) });
    return campaign.id;
  } finally {
    db.close();
  }
}

/** A folder of works named by registration number, built from the media fixtures. */
export function worksFolder(target: string): string {
  const media = path.join(root, 'tests/fixtures/media');
  const put = (fixture: string, name: string) => {
    fs.mkdirSync(path.dirname(path.join(target, name)), { recursive: true });
    fs.copyFileSync(path.join(media, fixture), path.join(target, name));
  };
  put('compliant.mp4', 'SC-0001_七步洗手法.mp4');
  put('photo.jpg', 'SC-0002/page-1.jpg');
  put('small.png', 'SC-0002/page-2.png');
  put('webm-renamed.mp4', 'SC-0005-流感.mp4');
  put('truncated.mp4', 'SC-0010/剧.mp4');
  put('article.txt', 'misc/说明.txt');
  return target;
}
