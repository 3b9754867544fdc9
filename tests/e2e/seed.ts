// Seeds a data folder with a large campaign straight through the core (no UI), for scale tests.
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
