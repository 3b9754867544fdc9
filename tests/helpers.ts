// Shared test helpers: temporary data folders and a real app context over a real SQLite file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAppContext, type AppContext } from '../src-main/app/context';
import { createDispatch } from '../src-main/app/dispatch';
import { createHandlers } from '../src-main/app/handlers';
import type { CampaignSummary } from '../src-main/contract';

export const repoRoot = path.resolve(import.meta.dirname, '..');
export const resourcesDir = path.join(repoRoot, 'resources');

export function tempDir(prefix = 'kepu-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function openTestApp(dataDir = tempDir()) {
  const ctx: AppContext = createAppContext({ dataDir, resourcesDir, shell: 'cli' });
  const dispatch = createDispatch(createHandlers(ctx), () => {});
  return { ctx, dispatch, dataDir };
}

/** The value of an ok Result, or a test failure that shows the error code and message. */
export async function ok<T>(promise: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** The sample campaign (`demo:load`) with the sample judges' signed bundles merged. */
export async function openMergedSample(dataDir = tempDir()) {
  const app = openTestApp(dataDir);
  const works = await ok<CampaignSummary>(app.dispatch('demo:load', {}));
  const dir = path.join(app.dataDir, 'sample-bundles');
  const files = fs.readdirSync(dir).map((f) => ({ fileName: f, contentBase64: fs.readFileSync(path.join(dir, f)).toString('base64') }));
  await ok(app.dispatch('bundle:merge', { campaignId: works.id, files }));
  return { ...app, works, files };
}
