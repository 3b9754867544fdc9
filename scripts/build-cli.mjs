// Builds the `kepu` CLI to JavaScript in out/cli (part of `npm run build`; the CLI ships with the
// app). esbuild bundles src-main/cli/index.ts with code splitting, so each command's dynamic import
// in cli/command-table.ts becomes its own chunk and `kepu --version` loads one small file. Packages
// stay external (loaded from node_modules at run time, like the Electron main bundle).
// out/cli/inputs.json lists the source files that went in: bin/cli-freshness.mjs compares their
// times with the build's to decide whether bin/kepu.mjs may run out/cli (see there).
import { build } from 'esbuild';
import fs from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const outdir = path.join(root, 'out', 'cli');

/**
 * Packages stay external, but a deep import into a package without an "exports" map
 * (`nodemailer/lib/mail-composer`) is written with its full file name: Node's ESM loader, unlike
 * tsx and bundlers, does not resolve directory or extension-less paths.
 */
const externalPackages = {
  name: 'external-packages',
  setup(builder) {
    const require = createRequire(path.join(root, 'package.json'));
    const builtins = new Set(builtinModules);
    builder.onResolve({ filter: /^[^./]/ }, ({ path: spec }) => {
      if (spec.startsWith('node:') || builtins.has(spec)) return { path: spec, external: true };
      const parts = spec.split('/');
      const name = spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
      if (BUNDLED_PACKAGES.has(name)) return undefined;
      if (spec === name) return { path: spec, external: true };
      const packageDir = path.join(root, 'node_modules', name);
      const manifest = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
      if (manifest.exports) return { path: spec, external: true };
      const file = require.resolve(spec);
      return { path: `${name}/${path.relative(packageDir, file).split(path.sep).join('/')}`, external: true };
    });
  },
};

/**
 * Packages every command loads, bundled into the chunks rather than left external: zod's ESM build
 * is about 60 files and i18next's a few, and Node's ESM loader resolves, reads and compiles each
 * one on every start (`import('zod')` alone: 0.23 s wall on the loaded 2-core machine); bundled,
 * it is part of one chunk. image-size's ESM build is 26 files, loaded by every command that opens
 * the database (the ranking's media flags import the probe).
 * Nothing outside this bundle shares their instances (no external package imports these).
 */
const BUNDLED_PACKAGES = new Set(['zod', 'i18next', 'image-size']);

/**
 * zod's namespace export carries every one of its 60-odd message locales (`z.locales`, 370 kB):
 * `import { z } from 'zod'` keeps them all in the bundle and every start compiles them. The app
 * uses only the English messages zod installs by default (schemas.js imports locales/en.js
 * itself), so in this bundle the locale index offers English alone.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(builder) {
    builder.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, ({ importer }) => {
      if (!importer.includes(`${path.sep}node_modules${path.sep}zod${path.sep}`)) return undefined;
      return { path: 'zod-locales', namespace: 'zod-english-only', pluginData: path.resolve(path.dirname(importer), '../locales') };
    });
    builder.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, ({ pluginData }) => ({
      resolveDir: pluginData,
      contents: `export { default as en } from './en.js';`,
    }));
  },
};

/**
 * The locale files, about 180 kB each: as a JavaScript object literal (esbuild's default for JSON)
 * V8 parses and compiles them as code; a JSON string handed to JSON.parse is read several times
 * faster.
 */
const jsonAsParse = {
  name: 'json-as-parse',
  setup(builder) {
    builder.onLoad({ filter: /\.json$/ }, ({ path: file }) => ({
      loader: 'js',
      contents: `export default JSON.parse(${JSON.stringify(fs.readFileSync(file, 'utf8'))});`,
    }));
  },
};

/**
 * Packages that take long to load (on this 2-core machine: exceljs 2 s, pdfkit 1 s, jsqr 0.9 s,
 * nodemailer's mail composer 0.6 s, yazl, pngjs, qrcode, yauzl 0.2–0.3 s) are imported at the top
 * of modules every handler table pulls in, so every command would pay for all of them even when it
 * writes no XLSX, PDF or package. In this bundle their imports become stand-ins that require() the
 * package on first use (a property read, `new`, or a call): the same module.exports object (or
 * its named member) that Node's ESM import of these CommonJS packages gives. The sources (and the
 * tsx path, the Electron bundle) keep plain imports; the CLI tests run through this bundle and
 * cover the XLSX, PDF, certificate and package commands. Listed: package → named imports used.
 */
const LAZY_PACKAGES = {
  exceljs: [],
  pdfkit: [],
  qrcode: [],
  jsqr: [],
  'jpeg-js': [],
  yauzl: [],
  yazl: [],
  'nodemailer/lib/mail-composer': [],
  // The spelling core/letters/mail-merge.ts imports (with the file name Node's ESM loader needs):
  // the filter matches exact specifiers, so without it every command loaded the composer.
  'nodemailer/lib/mail-composer/index.js': [],
  pngjs: ['PNG'],
  // Native renderer for posters and covers only.
  '@resvg/resvg-js': ['Resvg'],
};

function lazyModuleSource(spec) {
  const stand_in = (name, pick) =>
    `${name} = new Proxy(function lazy() {}, {\n` +
    `  get: (_, key) => Reflect.get(${pick}, key),\n` +
    `  has: (_, key) => Reflect.has(${pick}, key),\n` +
    `  construct: (_, args) => Reflect.construct(${pick}, args),\n` +
    `  apply: (_, self, args) => Reflect.apply(${pick}, self, args),\n` +
    `});`;
  return [
    `import { createRequire } from 'node:module';`,
    `const require = createRequire(import.meta.url);`,
    `let real;`,
    `const load = () => (real ??= require(${JSON.stringify(spec)}));`,
    `export default ${stand_in('', 'load()').slice(3)}`,
    ...LAZY_PACKAGES[spec].map((name) => `export const ${stand_in(name, `load()[${JSON.stringify(name)}]`)}`),
  ].join('\n');
}

const lazyPackages = {
  name: 'lazy-packages',
  setup(builder) {
    const escape = (spec) => spec.replace(/[/.-]/g, (c) => `\\${c}`);
    const filter = new RegExp(`^(${Object.keys(LAZY_PACKAGES).map(escape).join('|')})$`);
    builder.onResolve({ filter }, ({ path: spec }) => ({ path: spec, namespace: 'lazy-package' }));
    builder.onLoad({ filter: /.*/, namespace: 'lazy-package' }, ({ path: spec }) => ({ resolveDir: root, contents: lazyModuleSource(spec) }));
  },
};

export async function buildCli() {
  // Taken before esbuild reads anything: a source saved during the build counts as newer.
  const builtAt = Date.now();
  fs.rmSync(outdir, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: root,
    // job-worker: the worker thread's entry (app/worker-runner.ts), for the jobs the browser shell runs.
    entryPoints: { index: 'src-main/cli/index.ts', 'job-worker': 'src-main/app/job-worker.ts' },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    plugins: [zodEnglishOnly, lazyPackages, externalPackages, jsonAsParse],
    chunkNames: 'chunks/[name]-[hash]',
    sourcemap: 'linked',
    // V8 compiles every loaded chunk on every start (the largest single cost of a command, ~50 ms of
    // CPU for campaign list); whitespace and syntax minified, about 20 % less to scan. Names stay
    // (no identifier mangling): stack traces and error names read as in the sources.
    minifyWhitespace: true,
    minifySyntax: true,
    metafile: true,
    logLevel: 'warning',
  });
  // KEPU_CLI_METAFILE=<file>: esbuild's metafile, to see what each chunk pulls in (esbuild --analyze, or by hand).
  if (process.env.KEPU_CLI_METAFILE) fs.writeFileSync(process.env.KEPU_CLI_METAFILE, JSON.stringify(result.metafile));
  const inputs = Object.keys(result.metafile.inputs).filter((file) => !file.startsWith('node_modules/') && !file.includes(':')).sort();
  fs.writeFileSync(path.join(outdir, 'inputs.json'), `${JSON.stringify({ builtAt, inputs }, null, 2)}\n`);
  return { files: Object.keys(result.metafile.outputs).length, inputs: inputs.length };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const started = Date.now();
  const { files, inputs } = await buildCli();
  process.stdout.write(`build-cli: ${inputs} sources → ${files} files in out/cli (${Date.now() - started} ms)\n`);
}
