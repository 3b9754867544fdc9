// SQL lives in core (its repositories and services); the app composes them and the shells (CLI,
// browser host, Electron, preload) only call the app. So outside src-main/core no statement is
// prepared, no pragma read, no transaction opened and nothing executed on a database handle, and
// better-sqlite3 is imported for its types only. Issue 13 moved the last of these into core.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../helpers';

const LAYERS = ['app', 'cli', 'host', 'electron', 'preload'];

/** A statement prepared, a pragma read, or a transaction or exec on something named like a database. */
const SQL_CALL = /\.prepare\s*\(|\.pragma\s*\(|\bdb\s*\.\s*(exec|transaction)\s*\(/i;
/** An import of better-sqlite3 that is not `import type`. */
const VALUE_IMPORT = /^\s*import\s+(?!type\b)[^'"]*from\s+['"]better-sqlite3['"]|require\(\s*['"]better-sqlite3['"]\s*\)|import\(\s*['"]better-sqlite3['"]\s*\)/;

function sources(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sources(full) : /\.(ts|tsx|mts|mjs|js)$/.test(e.name) ? [full] : [];
  });
}

/** `file:line: text` of every line of the layers' sources that matches `re`. */
function linesMatching(re: RegExp): string[] {
  return LAYERS.flatMap((layer) => sources(path.join(repoRoot, 'src-main', layer))).flatMap((file) =>
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, i) => (re.test(line) ? [`${path.relative(repoRoot, file).split(path.sep).join('/')}:${i + 1}: ${line.trim()}`] : [])),
  );
}

describe('SQL only in core', () => {
  it('the scan sees the layers it checks (a moved folder would make it pass on nothing)', () => {
    for (const layer of ['app', 'cli', 'host', 'electron']) expect(sources(path.join(repoRoot, 'src-main', layer)).length, layer).toBeGreaterThan(0);
  });

  it('recognises the calls it forbids', () => {
    for (const line of ["ctx.db.prepare('SELECT 1')", "db.pragma('data_version', { simple: true })", 'ctx.db.transaction(() => {', "rt.ctx.db.exec('VACUUM')"]) {
      expect(SQL_CALL.test(line), line).toBe(true);
    }
    for (const line of ['/x/.exec(text)', 'this.prepareSession();', "import type { Database } from 'better-sqlite3';"]) {
      expect(SQL_CALL.test(line) || VALUE_IMPORT.test(line), line).toBe(false);
    }
    expect(VALUE_IMPORT.test("import Database from 'better-sqlite3';")).toBe(true);
  });

  it('app, cli, host, electron and preload prepare no statement, read no pragma, open no transaction', () => {
    expect(linesMatching(SQL_CALL)).toEqual([]);
  });

  it('app, cli, host, electron and preload import better-sqlite3 for its types only', () => {
    expect(linesMatching(VALUE_IMPORT)).toEqual([]);
  });
});
