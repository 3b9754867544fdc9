// Foundation scenarios (issue: foundation): inserting 50,000 entries, and the list/filter queries
// the entry table makes at 50,000 entries, through the same handler path the UI uses.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RequestOf } from '../src-main/contract';
import { createAppContext } from '../src-main/app/context';
import { createDispatch } from '../src-main/app/dispatch';
import { createHandlers } from '../src-main/app/handlers';
import { syntheticEntries } from '../tests/e2e/seed';
import { type BenchResult, measure, summarize } from './harness';

const root = path.resolve(import.meta.dirname, '..');
const SIZE = 50_000;
const BATCH = 5_000;

function freshContext() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kepu-bench-'));
  const ctx = createAppContext({ dataDir, resourcesDir: path.join(root, 'resources'), shell: 'cli' });
  const template = ctx.templates.get('sichuan-influence-2023');
  const campaign = ctx.campaigns.create(template.id, template.definition);
  return { ctx, dataDir, campaign, deadline: new Date(template.definition.deadline).toISOString() };
}

export async function foundationBench(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const rows = syntheticEntries(SIZE);

  // Insert: a fresh database file each run, batched transactions as the importer will use.
  const insertSamples = await measure(3, () => {
    const { ctx, dataDir, campaign, deadline } = freshContext();
    try {
      for (let i = 0; i < rows.length; i += BATCH) ctx.entries.insertMany(campaign.id, deadline, rows.slice(i, i + BATCH));
    } finally {
      ctx.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
  results.push(summarize('entries.insert', SIZE, 'rows/s', insertSamples, { peer: sqliteCliImport(rows) }));

  const { ctx, dataDir, campaign, deadline } = freshContext();
  for (let i = 0; i < rows.length; i += BATCH) ctx.entries.insertMany(campaign.id, deadline, rows.slice(i, i + BATCH));
  const dispatch = createDispatch(createHandlers(ctx));
  const queries: [string, RequestOf<'entry:list'>][] = [
    ['entries.list.firstPage', { campaignId: campaign.id, limit: 200 }],
    ['entries.list.deepPageTitleDesc', { campaignId: campaign.id, offset: 25_000, limit: 200, sort: { field: 'title', direction: 'desc' } }],
    ['entries.list.filterKind', { campaignId: campaign.id, limit: 200, filter: { kind: 'account' }, sort: { field: 'submittedAt', direction: 'asc' } }],
    ['entries.list.search', { campaignId: campaign.id, limit: 200, filter: { query: '报名者 99' } }],
    ['entries.list.lateOnly', { campaignId: campaign.id, limit: 200, filter: { late: true } }],
  ];
  for (const [scenario, request] of queries) {
    await dispatch('entry:list', request); // warm the statement cache and pages
    const samples = await measure(30, async () => {
      const result = await dispatch('entry:list', request);
      if (!result.ok) throw new Error(`bench: ${scenario}: ${result.error.message}`);
    });
    results.push(summarize(scenario, 1, 'queries/s', samples, { note: `at ${SIZE} entries, page of 200, through dispatch` }));
  }
  const detail = await measure(30, () => dispatch('campaign:get', { campaignId: campaign.id }));
  results.push(summarize('campaign.get.counts', 1, 'queries/s', detail, { note: `counts by kind, late, assets at ${SIZE} entries` }));
  ctx.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  return results;
}

/** The same rows through Debian's sqlite3 shell (.import of a CSV into a plain table), when installed. */
function sqliteCliImport(rows: ReturnType<typeof syntheticEntries>): BenchResult['peer'] {
  if (spawnSync('sqlite3', ['-version']).status !== 0) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kepu-bench-sqlite-'));
  const csv = path.join(dir, 'rows.csv');
  const quote = (v: string | null) => `"${(v ?? '').replace(/"/g, '""')}"`;
  fs.writeFileSync(csv, rows.map((r) => [r.regNo, r.kind, r.category, r.title, r.entrantType, r.entrantName, r.entrantUnit, r.contactPhone, r.submittedAt].map(quote).join(',')).join('\n'));
  const samples: number[] = [];
  for (let i = 0; i < 3; i++) {
    const db = path.join(dir, `peer-${i}.sqlite`);
    const script = `PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;
CREATE TABLE entries (reg_no TEXT, kind TEXT, category TEXT, title TEXT, entrant_type TEXT, entrant_name TEXT, entrant_unit TEXT, contact_phone TEXT, submitted_at TEXT, UNIQUE(reg_no)) STRICT;
CREATE INDEX e1 ON entries(kind, reg_no); CREATE INDEX e2 ON entries(title); CREATE INDEX e3 ON entries(entrant_name); CREATE INDEX e4 ON entries(submitted_at);
.mode csv
.import ${csv} entries
`;
    const start = process.hrtime.bigint();
    const run = spawnSync('sqlite3', [db], { input: script });
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (run.status !== 0) return null;
  }
  fs.rmSync(dir, { recursive: true, force: true });
  samples.sort((a, b) => a - b);
  const medianMs = samples[1];
  return { tool: 'sqlite3 CLI .import (same rows, same indexes)', medianMs: Math.round(medianMs * 100) / 100, opsPerSec: Math.round((rows.length / medianMs) * 1000) };
}
