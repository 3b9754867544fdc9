// Builds the `kepu` CLI to JavaScript in out/cli (part of `npm run build`; the CLI ships with the
// app). esbuild bundles src-main/cli/index.ts with code splitting, so each command's dynamic import
// in cli/command-table.ts becomes its own chunk and `kepu --version` loads one small file. Packages
// stay external (loaded from node_modules at run time, like the Electron main bundle).
// out/cli/inputs.json lists the source files that went in: bin/kepu.mjs compares their times with
// the build's to decide whether out/cli is current (see there).
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
 * exceljs (2 s to load on this machine), pdfkit (1 s) and qrcode (0.3 s) are imported at the top of
 * modules every handler table pulls in, so every command would pay for them even when it writes no
 * XLSX or PDF. In this bundle their default import becomes a stand-in that require()s the package on
 * first use (a property read, `new`, or a call): the same module.exports object Node's ESM import
 * of these CommonJS packages gives. The sources (and the tsx path, the Electron bundle) keep plain
 * imports; the CLI tests run through this bundle and cover the XLSX and PDF commands.
 */
const LAZY_DEFAULTS = ['exceljs', 'pdfkit', 'qrcode'];
const lazyDefaults = {
  name: 'lazy-defaults',
  setup(builder) {
    const filter = new RegExp(`^(${LAZY_DEFAULTS.join('|')})$`);
    builder.onResolve({ filter }, ({ path: spec, namespace }) => (namespace === 'lazy-default' ? undefined : { path: spec, namespace: 'lazy-default' }));
    builder.onLoad({ filter: /.*/, namespace: 'lazy-default' }, ({ path: spec }) => ({
      resolveDir: root,
      contents: [
        `import { createRequire } from 'node:module';`,
        `const require = createRequire(import.meta.url);`,
        `let real;`,
        `const load = () => (real ??= require(${JSON.stringify(spec)}));`,
        `export default new Proxy(function lazy() {}, {`,
        `  get: (_, key) => Reflect.get(load(), key),`,
        `  has: (_, key) => Reflect.has(load(), key),`,
        `  construct: (_, args) => Reflect.construct(load(), args),`,
        `  apply: (_, self, args) => Reflect.apply(load(), self, args),`,
        `});`,
      ].join('\n'),
    }));
  },
};

export async function buildCli() {
  // Taken before esbuild reads anything: a source saved during the build counts as newer.
  const builtAt = Date.now();
  fs.rmSync(outdir, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: { index: 'src-main/cli/index.ts' },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    plugins: [lazyDefaults, externalPackages],
    chunkNames: 'chunks/[name]-[hash]',
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
  });
  const inputs = Object.keys(result.metafile.inputs).filter((file) => !file.startsWith('node_modules/') && !file.includes(':')).sort();
  fs.writeFileSync(path.join(outdir, 'inputs.json'), `${JSON.stringify({ builtAt, inputs }, null, 2)}\n`);
  return { files: Object.keys(result.metafile.outputs).length, inputs: inputs.length };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const started = Date.now();
  const { files, inputs } = await buildCli();
  process.stdout.write(`build-cli: ${inputs} sources → ${files} files in out/cli (${Date.now() - started} ms)\n`);
}
