// Shared test helpers: temporary data folders and a real app context over a real SQLite file.
import fs from 'node:fs';
import type { Database } from 'better-sqlite3';
import path from 'node:path';
import { createAppContext, type AppContext } from '../src-main/app/context';
import { createDispatch, type Dispatch } from '../src-main/app/dispatch';
import { createHandlers } from '../src-main/app/handlers';
import { type CampaignSummary, type ChannelName, channels, isChannelName, type Job } from '../src-main/contract';
import { syntheticEntries } from './e2e/seed';
import { tempDir } from './temp-dirs';

export const repoRoot = path.resolve(import.meta.dirname, '..');
export const resourcesDir = path.join(repoRoot, 'resources');

export { tempDir } from './temp-dirs';

export function openTestApp(dataDir = tempDir()) {
  const ctx: AppContext = createAppContext({ dataDir, resourcesDir, shell: 'cli' });
  const dispatch = checkingResponses(createDispatch(createHandlers(ctx), () => {}));
  return { ctx, dispatch, dataDir };
}

/**
 * `dispatch`, with every ok answer parsed against its channel's declared response schema
 * (src-main/contract): a handler whose output drifts from the contract the renderer relies on
 * fails the test that called it, naming the channel and the first mismatching path. `checked`
 * collects the channels whose answers were checked.
 */
export function checkingResponses(dispatch: Dispatch, checked?: Set<ChannelName>): Dispatch {
  return async (channel, payload) => {
    const result = await dispatch(channel, payload);
    if (result.ok && isChannelName(channel)) {
      const parsed = channels[channel].response.safeParse(result.value);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(`${channel}: the answer does not match its response schema at ${issue.path.map(String).join('.') || '(answer)'}: ${issue.message}`);
      }
      checked?.add(channel);
    }
    return result;
  };
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

/**
 * Reads `read()` until `done(value)`, or fails after `timeoutMs` with `what` and the last value
 * seen, so a job that never finishes is a clear failure rather than a test that hangs.
 */
export async function pollUntil<T>(
  read: () => Promise<T> | T,
  done: (value: T) => boolean,
  what: string,
  { timeoutMs = 60_000, intervalMs = 50 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() >= deadline) throw new Error(`${what}: not done after ${timeoutMs} ms; last seen ${JSON.stringify(value)?.slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** A job's status once it is no longer running (polled through `job:status`, with a deadline). */
export async function finishedJob<J extends Job>(dispatch: Dispatch, started: J, options?: { timeoutMs?: number }): Promise<J> {
  if (started.state !== 'running') return started;
  // job:status answers every kind; the status keeps the kind the job was started with.
  const status = await pollUntil(() => ok<Job>(dispatch('job:status', { jobId: started.jobId })), (s) => s.state !== 'running', `job ${started.jobId}`, options);
  if (status.kind !== started.kind) throw new Error(`job ${started.jobId}: started as ${started.kind}, reported as ${status.kind}`);
  return status as J;
}

/**
 * A Sichuan campaign of `size` synthetic registrations and no judges, in the app's database:
 * large enough (30,000) that a ranking export reports progress before it ends (a cancel test's need).
 */
export function syntheticCampaign(ctx: AppContext, size: number): CampaignSummary {
  const template = ctx.templates.get('sichuan-influence-2023');
  const campaign = ctx.campaigns.create(template.id, template.definition);
  ctx.entries.insertMany(campaign.id, new Date(template.definition.deadline).toISOString(), syntheticEntries(size));
  return campaign;
}

/** The names in the data folder's exports/ now ([] before the first export): what a job left there. */
export function exportNames(dataDir: string): string[] {
  const exports = path.join(dataDir, 'exports');
  return fs.existsSync(exports) ? fs.readdirSync(exports) : [];
}

/** An assignment of the scored demo campaign: who reviews which entry. */
export interface DemoReview {
  entryId: number;
  judgeId: string;
}

/**
 * The demo's works campaign (demo:load) with every assignment scored on its three dimensions,
 * values varying with the assignment's place in entry-then-judge order, which is the order of
 * `rows`: a campaign the ranking ranks, for the tests of its computation, worker and locks.
 */
export async function scoredDemo(app: ReturnType<typeof openTestApp>): Promise<{ works: CampaignSummary; rows: DemoReview[] }> {
  const works = await ok<CampaignSummary>(app.dispatch('demo:load', {}));
  const rows = app.ctx.db
    .prepare('SELECT a.entry_id AS entryId, a.judge_id AS judgeId FROM entries e JOIN assignments a ON a.entry_id = e.id WHERE e.campaign_id = ? ORDER BY e.id, a.judge_id')
    .all(works.id) as DemoReview[];
  rows.forEach((r, i) => {
    for (const [dimension, value] of Object.entries({ content: 4 + (i % 7), creativity: 5 + (i % 4), communication: 3 + (i % 6) })) {
      app.ctx.reviews.setScore({ campaignId: works.id, judgeId: r.judgeId, entryId: r.entryId }, dimension, value);
    }
  });
  return { works, rows };
}

/**
 * `db` as the code under test sees it, with `write` run once, just before the first statement
 * whose SQL matches `when` is prepared: another connection's commit landing at that point of a
 * computation, as a merge in another process or window could. `fired()`: whether it ran.
 */
export function writeWhenPrepared(db: Database, when: (sql: string) => boolean, write: () => void): { db: Database; fired: () => boolean } {
  let armed = true;
  const proxied = new Proxy(db, {
    get(target, prop) {
      if (prop === 'prepare') {
        return (sql: string) => {
          if (armed && when(sql)) {
            armed = false;
            write();
          }
          return target.prepare(sql);
        };
      }
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { db: proxied, fired: () => !armed };
}
