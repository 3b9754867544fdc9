// Run by article-html.spec.ts under tsx: `node --import tsx seed-article.ts <dataDir> <article.html>`.
// Loads the sample campaign, links the given HTML file to its HPV article entry (as a second
// document) and makes a judge assigned to that entry the active one.
import fs from 'node:fs';
import path from 'node:path';
import { createAppContext } from '../../src-main/app/context';
import { createDispatch } from '../../src-main/app/dispatch';
import { createHandlers } from '../../src-main/app/handlers';
import type { CampaignSummary, MediaLinkJob, Result } from '../../src-main/contract';

const [dataDir, articleFile] = process.argv.slice(2);
const root = path.resolve(import.meta.dirname, '../..');
const ctx = createAppContext({ dataDir, resourcesDir: path.join(root, 'resources'), shell: 'cli' });
const dispatch = createDispatch(createHandlers(ctx), () => {});

async function value<T>(answer: Promise<Result<unknown>>): Promise<T> {
  const result = await answer;
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as T;
}

try {
  const works = await value<CampaignSummary>(dispatch('demo:load', {}));
  const list = await value<{ rows: { id: number; regNo: string; title: string }[] }>(dispatch('entry:list', { campaignId: works.id, limit: 100 }));
  const entry = list.rows.find((r) => r.title.startsWith('HPV'))!;
  const folder = path.join(dataDir, 'incoming-articles');
  fs.mkdirSync(folder);
  fs.copyFileSync(articleFile, path.join(folder, `${entry.regNo}-防护.html`));
  let status = await value<MediaLinkJob>(dispatch('media:link', { campaignId: works.id, folder }));
  const deadline = Date.now() + 30_000;
  while (status.state === 'running') {
    if (Date.now() > deadline) throw new Error('media:link did not finish in 30 s');
    await new Promise((r) => setTimeout(r, 50));
    status = await value<MediaLinkJob>(dispatch('job:status', { jobId: status.jobId }));
  }
  if (status.state !== 'done') throw new Error(`media:link ended ${JSON.stringify(status)}`);
  const judges = await value<{ judges: { judgeId: string; assigned: boolean }[] }>(dispatch('assignment:entry', { campaignId: works.id, entryId: entry.id }));
  await value(dispatch('judge:activate', { campaignId: works.id, judgeId: judges.judges.find((j) => j.assigned)!.judgeId }));
} finally {
  ctx.close();
}
