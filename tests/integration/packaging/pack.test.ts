// The packed app (issue 21, "Verified here, where no Electron binary can run"). The built bundles
// and the production dependencies are laid out as electron-builder lays them out for this machine's
// target (layout.ts: its own node_modules matcher, our config's patterns), packed with
// @electron/asar using the config's asarUnpack globs, and then checked:
// - better-sqlite3's .node and the target's ffprobe are outside the archive, in app.asar.unpacked,
//   and are what the app reaches (the .node opens a database; the app's own ffprobePath() turns
//   ffprobe-static's in-archive path into the unpacked one, and that binary runs);
// - every module the main process imports resolves and loads from the packed tree, with a stub
//   `electron` (the main bundle starts, finds "another instance" and quits before touching anything);
// - the whole stays under 150 MB.
// Node cannot read an asar archive, Electron can: the archive's packed files are extracted
// (@electron/asar extractFile) into a folder named app.asar beside the real app.asar.unpacked,
// which is the path view Electron gives the app, and a child Node process loads from there.
// The native module here is Node's build (electron-builder rebuilds it for Electron; that needs the
// Electron headers from the internet), so the check is that it is found and loads, not its ABI.
import asar from '@electron/asar';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ffprobePath } from '../../../src-main/core/media/ffprobe';
import type { CampaignSummary } from '../../../src-main/contract';
import { ok, openTestApp, repoRoot } from '../../helpers';
import { tempDir } from '../../temp-dirs';
import { type BuilderConfig, builderConfig, layOutApp, nodeModulesFilter } from './layout';

const MAX_PACKED_BYTES = 150e6; // 150 MB, 1 MB = 10^6 bytes as everywhere in the app
const os = process.platform === 'win32' ? 'win' : process.platform === 'darwin' ? 'mac' : 'linux';

let config: BuilderConfig;
let resources = ''; // as packed: app.asar + app.asar.unpacked (+ resources/ from extraResources)
let view = ''; // as Electron shows it to the app: app.asar as a folder, beside app.asar.unpacked
let kept: string[] = [];

function sizeOf(target: string): number {
  const stat = fs.lstatSync(target);
  if (!stat.isDirectory()) return stat.size;
  return fs.readdirSync(target).reduce((n, name) => n + sizeOf(path.join(target, name)), 0);
}

beforeAll(async () => {
  // The pack test needs the built bundles. `npm test` builds before e2e but after the unit and
  // integration tests, so on a fresh checkout out/ is missing: build once then (an existing out/ is
  // used as is, so running this file alone after a build takes seconds, not a minute).
  if (!fs.existsSync(path.join(repoRoot, 'out', 'main', 'index.js'))) {
    execFileSync(process.execPath, [path.join(repoRoot, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: repoRoot, stdio: 'pipe' });
  }
  config = await builderConfig();
  const work = tempDir('kepu-pack-');
  const appDir = path.join(work, 'app');
  kept = layOutApp(appDir, nodeModulesFilter(config, os, process.arch));

  resources = path.join(work, 'resources');
  fs.mkdirSync(resources);
  for (const extra of config.extraResources) fs.cpSync(path.join(repoRoot, extra.from), path.join(resources, extra.to), { recursive: true });
  // electron-builder's asarUnpack globs, as @electron/asar's `unpack` (matched against each file's full path).
  await asar.createPackageWithOptions(appDir, path.join(resources, 'app.asar'), { unpack: `{${config.asarUnpack.map((glob) => `**/${glob}`).join(',')}}` });

  // Electron reads a file marked unpacked from app.asar.unpacked while the app still sees it under
  // app.asar/…: here such a file is a symbolic link to the real unpacked one (and the child Node
  // keeps symlinked paths as they are, --preserve-symlinks, so __dirname stays under app.asar).
  view = path.join(work, 'view');
  const archive = path.join(resources, 'app.asar');
  for (const entry of asar.listPackage(archive, { isPack: false })) {
    const relative = entry.replace(/^[\\/]/, '');
    const stat = asar.statFile(archive, relative) as { files?: unknown; unpacked?: boolean; link?: string };
    if (stat.files || stat.link) continue;
    const target = path.join(view, 'app.asar', relative);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    if (stat.unpacked) fs.symlinkSync(path.join(resources, 'app.asar.unpacked', relative), target);
    else fs.writeFileSync(target, asar.extractFile(archive, relative));
  }
  fs.symlinkSync(path.join(resources, 'app.asar.unpacked'), path.join(view, 'app.asar.unpacked'), 'junction');
}, 120_000);

describe('the packed app', () => {
  it('keeps the native parts outside the archive, in app.asar.unpacked', () => {
    const archive = path.join(resources, 'app.asar');
    const sqlite = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
    const probe = `node_modules/ffprobe-static/bin/${process.platform}/${process.arch}/${process.platform === 'win32' ? 'ffprobe.exe' : 'ffprobe'}`;
    for (const file of [sqlite, probe]) {
      expect((asar.statFile(archive, file) as { unpacked?: boolean }).unpacked, file).toBe(true);
      expect(fs.statSync(path.join(resources, 'app.asar.unpacked', file)).size).toBeGreaterThan(100_000);
    }
    // JavaScript stays inside the archive (only the native packages are unpacked).
    expect((asar.statFile(archive, 'out/main/index.js') as { unpacked?: boolean }).unpacked).toBeFalsy();
    expect((asar.statFile(archive, 'node_modules/zod/package.json') as { unpacked?: boolean }).unpacked).toBeFalsy();
  });

  it('packs one ffprobe (this target), the two font weights the app uses once, and no C sources', () => {
    const ffprobes = kept.filter((f) => /ffprobe-static\/bin\/.*\/ffprobe(\.exe)?$/.test(f.split(path.sep).join('/')));
    expect(ffprobes.map((f) => f.split(path.sep).join('/'))).toEqual([`node_modules/ffprobe-static/bin/${process.platform}/${process.arch}/ffprobe${process.platform === 'win32' ? '.exe' : ''}`]);
    const fonts = kept.filter((f) => f.endsWith('.ttf')).map((f) => path.basename(f));
    expect(fonts.sort()).toEqual(['NotoSansSC_400Regular.ttf', 'NotoSansSC_700Bold.ttf']);
    // Once: the renderer's build has no copy of its own (the shells serve the package's to the
    // certificate preview, contract/app-fonts.ts); it had one, 21 MB more in the installer.
    const archived = asar.listPackage(path.join(resources, 'app.asar'), { isPack: false }).map((f) => f.replace(/\\/g, '/'));
    expect(archived.filter((f) => /\.(ttf|otf|woff2?)$/i.test(f)).map((f) => path.posix.basename(f)).sort()).toEqual(['NotoSansSC_400Regular.ttf', 'NotoSansSC_700Bold.ttf']);
    expect(kept.some((f) => f.includes(`better-sqlite3${path.sep}deps`))).toBe(false);
    // Development-only packages never go in.
    expect(kept.some((f) => /node_modules[\\/](electron|vitest|typescript|@playwright)[\\/]/.test(f))).toBe(false);
  });

  it('resolves and loads every module the main process imports, with a stub electron', () => {
    const appRoot = path.join(view, 'app.asar');
    const bundle = fs.readFileSync(path.join(appRoot, 'out/main/index.js'), 'utf8');
    // The chunks the entry shares with the job worker's entry (job-worker.js) hold part of it.
    const chunksDir = path.join(appRoot, 'out/main/chunks');
    const chunks = fs.existsSync(chunksDir) ? fs.readdirSync(chunksDir).filter((f) => f.endsWith('.js')).map((f) => fs.readFileSync(path.join(chunksDir, f), 'utf8')) : [];
    // Every bare import of the bundle: the import statements rollup puts at the top, and import("…")
    // calls; node: built-ins and electron aside.
    const statements = [bundle, ...chunks].flatMap((code) => [...code.matchAll(/^import\s(?:[^;"]*?\sfrom\s*)?"([^"]+)";?$/gm), ...code.matchAll(/\bimport\(\s*"([^"]+)"\s*\)/g)]);
    const specifiers = [...new Set(statements.map((m) => m[1]!))].filter((s) => !s.startsWith('.') && !s.startsWith('node:') && s !== 'electron');
    expect(specifiers).toEqual(expect.arrayContaining(['better-sqlite3', 'ffprobe-static', 'pdfkit', 'exceljs', 'zod']));

    // In Electron `electron` is built in; here a stub that refuses the single-instance lock, so
    // the bundle's top level (every module in it) runs and then the app quits at once.
    const electronImport = /import\s*\{([^}]*)\}\s*from\s*"electron"/.exec(bundle)![1]!.split(',').map((n) => n.trim()).filter(Boolean);
    const stubDir = path.join(appRoot, 'node_modules', 'electron');
    fs.mkdirSync(stubDir, { recursive: true });
    fs.writeFileSync(path.join(stubDir, 'package.json'), JSON.stringify({ name: 'electron', type: 'module', main: 'index.js' }));
    const calls = 'globalThis.__electronCalls = [];';
    const app = "export const app = { requestSingleInstanceLock: () => (globalThis.__electronCalls.push('lock'), false), quit: () => globalThis.__electronCalls.push('quit'), on() {}, whenReady: () => new Promise(() => {}) };";
    fs.writeFileSync(path.join(stubDir, 'index.js'), [calls, app, ...electronImport.filter((n) => n !== 'app').map((n) => `export const ${n} = {};`)].join('\n'));

    const probe = path.join(appRoot, 'out', 'main', 'pack-probe.mjs');
    fs.writeFileSync(
      probe,
      `import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const loaded = [];
for (const specifier of ${JSON.stringify(specifiers)}) { await import(specifier); loaded.push(specifier); }
await import('./index.js');
const Database = require('better-sqlite3');
// What Electron's dlopen does for a .node file marked unpacked: the same path under app.asar.unpacked.
const unpackedNode = require.resolve('better-sqlite3/package.json').replace(/app\\.asar(?=[\\\\/])/, 'app.asar.unpacked').replace(/package\\.json$/, 'build/Release/better_sqlite3.node');
const db = new Database(':memory:', { nativeBinding: unpackedNode });
const sqlite = db.prepare('select sqlite_version() as v').get().v;
db.close();
console.log(JSON.stringify({ loaded, electronCalls: globalThis.__electronCalls, ffprobeStatic: require('ffprobe-static').path, unpackedNode, sqlite }));`,
    );
    const out = execFileSync(process.execPath, ['--preserve-symlinks', '--preserve-symlinks-main', probe], { cwd: view, encoding: 'utf8', env: { ...process.env, KEPU_FFPROBE: '' } });
    const report = JSON.parse(out.trim().split('\n').pop()!) as { loaded: string[]; electronCalls: string[]; ffprobeStatic: string; unpackedNode: string; sqlite: string };
    expect(report.loaded).toEqual(specifiers);
    expect(report.electronCalls).toEqual(['lock', 'quit']);
    expect(report.sqlite).toMatch(/^3\./);
    expect(report.unpackedNode.startsWith(path.join(view, 'app.asar.unpacked'))).toBe(true);

    // ffprobe-static answers a path inside the archive; the app's own rule turns it into the unpacked copy, which runs.
    expect(report.ffprobeStatic.startsWith(path.join(view, 'app.asar') + path.sep)).toBe(true);
    const binary = ffprobePath({}, report.ffprobeStatic);
    expect(binary.startsWith(path.join(view, 'app.asar.unpacked') + path.sep)).toBe(true);
    expect(execFileSync(binary, ['-version'], { encoding: 'utf8' })).toMatch(/^ffprobe version/);
  });

  it('runs a job on a worker thread from the packed tree (out/main/job-worker.js and its chunks)', async () => {
    // A data folder with the sample campaign, made by the sources; the packed worker reads it.
    const app = openTestApp();
    const campaign = await ok<CampaignSummary>(app.dispatch('demo:load', {}));
    app.ctx.close();
    const appRoot = path.join(view, 'app.asar');
    expect(fs.existsSync(path.join(appRoot, 'out/main/job-worker.js'))).toBe(true);
    const probe = path.join(appRoot, 'out', 'main', 'worker-probe.mjs');
    const start = { task: { module: 'ranking-export', export: 'exportRankingJob', args: { campaignId: campaign.id, format: 'csv' } }, dataDir: app.dataDir };
    fs.writeFileSync(
      probe,
      `import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const nativeBinding = require.resolve('better-sqlite3/package.json').replace(/app\\.asar(?=[\\\\/])/, 'app.asar.unpacked').replace(/package\\.json$/, 'build/Release/better_sqlite3.node');
const worker = new Worker(new URL('./job-worker.js', import.meta.url), { workerData: { ...${JSON.stringify(start)}, nativeBinding, cancelFlag: new SharedArrayBuffer(4) } });
worker.on('message', (m) => { if (m.type !== 'progress') console.log(JSON.stringify({ type: m.type, savedTo: m.result?.file?.savedTo, error: m.error })); });
worker.on('error', (e) => { console.log(JSON.stringify({ type: 'error', message: String(e) })); });`,
    );
    const out = execFileSync(process.execPath, ['--preserve-symlinks', '--preserve-symlinks-main', probe], { cwd: view, encoding: 'utf8' });
    const report = JSON.parse(out.trim().split('\n').pop()!) as { type: string; savedTo?: string; error?: unknown };
    expect(report).toMatchObject({ type: 'done' });
    expect(fs.readFileSync(report.savedTo!, 'utf8').startsWith('\ufeff')).toBe(true);
  }, 60_000);

  it('finds the templates where a packaged app looks for them (resources/ beside app.asar)', () => {
    expect(fs.readdirSync(path.join(resources, 'resources', 'templates')).filter((f) => f.endsWith('.kepuprog')).length).toBeGreaterThanOrEqual(2);
  });

  it('stays under 150 MB', () => {
    const packed = sizeOf(resources);
    expect(packed, `${(packed / 1e6).toFixed(1)} MB`).toBeLessThan(MAX_PACKED_BYTES);
  });
});
