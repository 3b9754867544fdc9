// The 50,000-entry Sichuan campaign several benches start from (DESIGN.md §5 scale), in a fresh
// data folder through the real app context.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type AppContext, createAppContext } from '../src-main/app/context';
import { syntheticEntries } from '../tests/e2e/seed';

const root = path.resolve(import.meta.dirname, '..');

export interface LargeCampaign {
  ctx: AppContext;
  dataDir: string;
  campaignId: string;
  ids: number[];
  regNos: string[];
  dispose(): void;
}

export function largeCampaign(prefix: string, size: number): LargeCampaign {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `kepu-bench-${prefix}-`));
  const ctx = createAppContext({ dataDir, resourcesDir: path.join(root, 'resources'), shell: 'cli' });
  const template = ctx.templates.get('sichuan-influence-2023');
  const campaign = ctx.campaigns.create(template.id, template.definition);
  const deadline = new Date(template.definition.deadline).toISOString();
  const all = syntheticEntries(size);
  const ids: number[] = [];
  for (let i = 0; i < all.length; i += 5000) ids.push(...ctx.entries.insertMany(campaign.id, deadline, all.slice(i, i + 5000)));
  return {
    ctx,
    dataDir,
    campaignId: campaign.id,
    ids,
    regNos: all.map((e) => e.regNo),
    dispose() {
      ctx.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
