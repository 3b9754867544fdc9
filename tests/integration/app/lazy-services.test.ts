// The context's lazily built services (app/services.ts, issue 18): a command that never touches
// the ranking, the review service or the published-result guard never loads their modules nor
// builds them, and each still works when first used. This file must not import the eager handler
// table (app/handlers.ts, tests/helpers.ts): it registers every service module up front, and the
// module registry is per test file.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type AppContext, createAppContext } from '../../../src-main/app/context';
import { createDispatch } from '../../../src-main/app/dispatch';
import { GROUP_SERVICES, HANDLER_GROUPS, type HandlerGroupName, lazyHandlers } from '../../../src-main/app/handler-table';
import { type LazyServiceName, loadedServiceModules, loadServices } from '../../../src-main/app/services';
import { tempDir } from '../../temp-dirs';

const root = path.resolve(import.meta.dirname, '../../..');
const resourcesDir = path.join(root, 'resources');
const SERVICES: readonly LazyServiceName[] = ['publishedChanges', 'reviews', 'ranking'];

let open: AppContext[] = [];
afterEach(() => {
  for (const ctx of open) ctx.close();
  open = [];
});

function lazyApp() {
  const ctx = createAppContext({ dataDir: tempDir(), resourcesDir, shell: 'cli' });
  open.push(ctx);
  const dispatch = createDispatch(lazyHandlers(ctx), () => {});
  const call = async (channel: string, request: unknown) => {
    const result = await dispatch(channel, request);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.value as never;
  };
  return { ctx, call };
}

describe('lazily built services', () => {
  it('are neither loaded nor built by commands that do not read them, and work when first used', async () => {
    const { ctx, call } = lazyApp();
    const campaign: { id: string } = await call('campaign:create', { templateId: 'sichuan-influence-2023' });
    const campaigns: unknown[] = await call('campaign:list', {});
    expect(campaigns).toHaveLength(1);
    await call('round:list', { campaignId: campaign.id });
    await call('identity:status', {});
    expect(loadedServiceModules()).toEqual([]);
    // Read before its module is loaded: a clear bug report, not a half-built context.
    expect(() => ctx.ranking).toThrow(/ctx\.ranking was read before its module was loaded/);

    // The review group loads the review service and the guard it checks, not the ranking.
    const judges: { judges: unknown[] } = await call('judge:list', { campaignId: campaign.id });
    expect(judges.judges).toEqual([]);
    expect(loadedServiceModules().sort()).toEqual(['publishedChanges', 'reviews']);
    expect(ctx.reviews).toBe(ctx.reviews); // built once, kept

    // The ranking group: the ranking, computed from the context's own repositories.
    const summary: { campaignId?: string } = await call('ranking:summary', { campaignId: campaign.id });
    expect(summary).toBeTruthy();
    expect(loadedServiceModules()).toContain('ranking');
    expect(ctx.ranking.storedConfig(campaign.id).config.primary).toBeTruthy();
    // The guard it built is the one every group shares.
    expect(ctx.publishedChanges).toBe(ctx.publishedChanges);
  });

  it('load the modules a service is built over (the review service checks the published-result guard)', async () => {
    await loadServices(['reviews']);
    expect(loadedServiceModules()).toEqual(expect.arrayContaining(['reviews', 'publishedChanges']));
  });
});

/** Relative imports of a module (value imports; `import type` lines load nothing). */
function importsOf(file: string): string[] {
  const source = fs.readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of source.matchAll(/^import\s+(?!type\s)[^;]*?from\s+'(\.[^']+)'|^import\s+'(\.[^']+)'/gm)) {
    const spec = m[1] ?? m[2];
    const base = path.resolve(path.dirname(file), spec);
    const candidate = [`${base}.ts`, path.join(base, 'index.ts')].find((f) => fs.existsSync(f));
    if (candidate && candidate.startsWith(path.join(root, 'src-main'))) found.push(candidate);
  }
  return found;
}

/**
 * The lazily built services read (`ctx.ranking`, or `deps.ranking` where a core module takes the
 * context as its dependencies) by `start` and the modules it imports.
 */
function servicesRead(start: string): Map<LazyServiceName, string> {
  const seen = new Set<string>([start]);
  const queue = [start];
  const read = new Map<LazyServiceName, string>();
  while (queue.length) {
    const file = queue.shift() as string;
    // The context itself defines them; the services module names them.
    if (file.endsWith(path.join('app', 'context.ts')) || file.endsWith(path.join('app', 'services.ts'))) continue;
    for (const m of fs.readFileSync(file, 'utf8').matchAll(/\b(?:ctx|deps|context)\.(publishedChanges|reviews|ranking)\b/g)) {
      if (!read.has(m[1] as LazyServiceName)) read.set(m[1] as LazyServiceName, path.relative(root, file));
    }
    for (const next of importsOf(file)) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return read;
}

describe('GROUP_SERVICES', () => {
  const tableSource = fs.readFileSync(path.join(root, 'src-main/app/handler-table.ts'), 'utf8');
  const moduleOf = new Map([...tableSource.matchAll(/^\s+(\w+): async \(\) => \(await import\('\.\/([\w-]+)'\)\)/gm)].map((m) => [m[1], m[2]]));

  it('names the module of every handler group', () => {
    expect([...moduleOf.keys()].sort()).toEqual(Object.keys(HANDLER_GROUPS).sort());
  });

  it.each(Object.keys(HANDLER_GROUPS))('lists every service group %s reads', (group) => {
    const file = path.join(root, 'src-main/app', `${moduleOf.get(group)}.ts`);
    const listed = new Set<LazyServiceName>(GROUP_SERVICES[group as HandlerGroupName] ?? []);
    if (listed.has('reviews')) listed.add('publishedChanges');
    const unlisted = [...servicesRead(file)].filter(([service]) => !listed.has(service)).map(([service, where]) => `${service} (${where})`);
    expect(unlisted).toEqual([]);
  });

  it('every CLI command that reads a service itself loads it first', () => {
    const dir = path.join(root, 'src-main/cli');
    const files = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const missing: string[] = [];
    for (const f of files) {
      const source = fs.readFileSync(path.join(dir, f), 'utf8');
      for (const service of SERVICES) {
        if (new RegExp(`\\bctx\\.${service}\\b`).test(source) && !new RegExp(`loadServices\\(\\[[^\\]]*'${service}'`).test(source)) missing.push(`${f}: ${service}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
