// Lays out the app the way electron-builder does, without Electron: out/** and package.json, plus
// the production dependencies (package.json "dependencies" and, transitively, theirs), each file
// kept or dropped by electron-builder's own node_modules matcher fed with our config's `files`
// patterns for one target. Used by the pack test and the builder-config test.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../../helpers';

const require = createRequire(import.meta.url);

type FileFilter = (file: string, stat: fs.Stats) => boolean;
interface FileMatcherModule {
  getNodeModuleFileMatcher(appDir: string, destination: string, macroExpander: (pattern: string) => string, platformOptions: { files?: unknown }, packager: unknown): { createFilter(): FileFilter };
}
interface ExcludedModule {
  excludedNames: string;
  excludedExts: string;
}
interface MacroModule {
  expandMacro(pattern: string, arch: string | null, appInfo: object, extra: Record<string, string>): string;
}

export interface BuilderConfig {
  files?: string[];
  asarUnpack: string[];
  extraResources: { from: string; to: string }[];
  fileAssociations: { ext: string }[];
  win: { files: string[] };
  mac: { files: string[] };
  linux: { files: string[] };
  [key: string]: unknown;
}

export async function builderConfig(): Promise<BuilderConfig> {
  return ((await import(pathToFileURL(path.join(repoRoot, 'electron-builder.config.js')).href)) as { default: BuilderConfig }).default;
}

export type TargetOs = 'win' | 'mac' | 'linux';

/** electron-builder's filter for node_modules files of one target (its code, our patterns). */
export function nodeModulesFilter(config: BuilderConfig, os: TargetOs, arch: string): FileFilter {
  const { getNodeModuleFileMatcher } = require('app-builder-lib/out/fileMatcher') as FileMatcherModule;
  const { expandMacro } = require('app-builder-lib/out/util/macroExpander') as MacroModule;
  const expander = (pattern: string) => expandMacro(pattern, arch, {}, { os, '/*': '{,/**/*}' });
  const packager = { config, debugLogger: { isEnabled: false } };
  return getNodeModuleFileMatcher(repoRoot, '/dest', expander, config[os], packager).createFilter();
}

/** Folders (relative to the repository) of the production dependencies and theirs, resolved as Node does. */
export function productionPackages(root = repoRoot): string[] {
  const found = new Set<string>();
  const visit = (fromDir: string, names: string[]) => {
    for (const name of names) {
      const dir = locate(fromDir, name, root);
      if (!dir || found.has(dir)) continue; // an optional dependency for another platform is simply absent
      found.add(dir);
      const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> };
      visit(dir, [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.optionalDependencies ?? {})]);
    }
  };
  const own = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  visit(root, Object.keys(own.dependencies));
  return [...found].map((dir) => path.relative(root, dir)).sort();
}

/** Node's lookup: node_modules/<name> in the package's own folder, then in each folder above, up to the root. */
function locate(fromDir: string, name: string, root: string): string | null {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (dir === root || path.dirname(dir) === dir) return null;
  }
}

/**
 * What electron-builder drops from every dependency whatever the config says (NodeModuleCopyHelper:
 * its default names and extensions everywhere; READMEs, tests and examples at a package's top).
 */
function defaultDropped(): (relativeInPackage: string) => boolean {
  const { excludedNames, excludedExts } = require('app-builder-lib/out/fileMatcher') as ExcludedModule;
  const names = new Set([...excludedNames.split(','), '.DS_Store', 'CHANGELOG.md', 'ChangeLog', 'changelog.md', 'Changelog.md', 'Changelog', 'binding.gyp', '.npmignore', 'node_gyp_bins']);
  const topLevel = new Set(['karma.conf.js', '.coveralls.yml', 'README.md', 'readme.markdown', 'README', 'readme.md', 'Readme.md', 'Readme', 'readme', 'test', 'tests', '__tests__', 'powered-test', 'example', 'examples', '.bin']);
  const exts = excludedExts.split(',').map((ext) => `.${ext}`);
  return (relative) => {
    const name = path.basename(relative);
    if (names.has(name) || name.startsWith('._') || exts.some((ext) => name.endsWith(ext))) return true;
    return !relative.includes(path.sep) && topLevel.has(name);
  };
}

/**
 * Puts `src` at `dest`: a hard link where the file system allows (the layout is only read, and
 * linking 150 MB costs nothing), else a copy.
 */
function place(src: string, dest: string): void {
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  try {
    fs.linkSync(src, dest);
  } catch {
    fs.copyFileSync(src, dest);
  }
}

/** Copies out/**, package.json and the filtered production dependencies into `appDir`; returns the node_modules files kept. */
export function layOutApp(appDir: string, filter: FileFilter): string[] {
  fs.cpSync(path.join(repoRoot, 'out'), path.join(appDir, 'out'), { recursive: true, filter: (src) => !src.endsWith('.map') });
  fs.copyFileSync(path.join(repoRoot, 'package.json'), path.join(appDir, 'package.json'));
  const kept: string[] = [];
  const dropped = defaultDropped();
  for (const pkg of productionPackages()) {
    const walk = (relative: string) => {
      const src = path.join(repoRoot, pkg, relative);
      for (const entry of fs.readdirSync(src, { withFileTypes: true })) {
        const inPackage = path.join(relative, entry.name);
        // A nested node_modules holds packages of their own, laid out (or not) in their own turn.
        if (entry.name === 'node_modules' || dropped(inPackage)) continue;
        const file = path.join(src, entry.name);
        const stat = fs.statSync(file);
        if (!filter(file, stat)) continue;
        if (stat.isDirectory()) walk(inPackage);
        else {
          place(file, path.join(appDir, pkg, inPackage));
          kept.push(path.join(pkg, inPackage));
        }
      }
    };
    walk('');
  }
  return kept;
}
