// The repository's own lint rules besides the layers (scripts/eslint-plugin-kepu.mjs), run through
// ESLint with the repository's config: what each must flag, what it must let through, and that the
// tree holds them today (issue 13: rows typed where prepared, no switched-off check unexplained).
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../helpers';

const RULES = ['kepu/no-row-cast', 'kepu/disable-reason'];
const eslint = new ESLint({ cwd: repoRoot, ruleFilter: ({ ruleId }) => RULES.includes(ruleId) });

/** `rule:line` for each message of the two rules on `source` as if it were the file `rel`. */
async function problems(rel: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.join(repoRoot, rel) });
  // (ruleId null: an unused disable directive, which is not these rules' business)
  return result.messages.filter((m) => m.ruleId !== null).map((m) => `${m.ruleId}:${m.line}`);
}

const CORE_FILE = 'src-main/core/probe/probe.ts';

describe('kepu/no-row-cast', () => {
  it('flags a row shape spelt in an `as` cast on .get(, .all( or .iterate( in core', async () => {
    const source = [
      "import type { Database } from 'better-sqlite3';",
      'export function f(db: Database, id: string) {',
      "  const one = db.prepare('SELECT a FROM t WHERE id = ?').get(id) as { a: string } | undefined;",
      "  const many = db.prepare('SELECT a FROM t').all() as { a: string }[];",
      "  const stmt = db.prepare('SELECT a, b FROM t');",
      '  const some = stmt.all() as (Base & { b: number })[];',
      '  for (const r of stmt.iterate() as Iterable<{ a: string }>) void r;',
      '  return [one, many, some];',
      '}',
      'type Base = { a: string };',
      '',
    ].join('\n');
    expect(await problems(CORE_FILE, source)).toEqual(['kepu/no-row-cast:3', 'kepu/no-row-cast:4', 'kepu/no-row-cast:6', 'kepu/no-row-cast:7']);
  });

  it('lets through rows typed by prepare<Params, Row>, plucked values and casts that are not rows', async () => {
    const source = [
      "import type { Database } from 'better-sqlite3';",
      'interface DbT { a: string }',
      'export function f(db: Database, id: string, m: Map<string, unknown>) {',
      "  const one = db.prepare<[string], { a: string }>('SELECT a FROM t WHERE id = ?').get(id);",
      "  const n = db.prepare('SELECT count(*) FROM t').pluck().get() as number;",
      "  const named = db.prepare('SELECT a FROM t').all() as DbT[];",
      "  const parsed = JSON.parse('{}') as { a: string };",
      '  return [one, n, named, parsed, m.get(id) as string];',
      '}',
      '',
    ].join('\n');
    expect(await problems(CORE_FILE, source)).toEqual([]);
  });

  it('applies to core only (SQL lives nowhere else)', async () => {
    expect(await problems('src-main/app/probe.ts', "export const f = (s: { all(): unknown }) => s.all() as { a: string }[];\n")).toEqual([]);
  });
});

describe('kepu/disable-reason', () => {
  it('flags an eslint-disable comment without a rule or without a reason after --', async () => {
    const source = [
      'export const a = 1; // eslint-disable-line no-console',
      '// eslint-disable-next-line',
      'export const b = 2;',
      '/* eslint-disable no-console */',
      'export const c = 3; // eslint-disable-line no-console -- the probe prints on purpose',
      '',
    ].join('\n');
    expect(await problems('src-main/app/probe.ts', source)).toEqual(['kepu/disable-reason:1', 'kepu/disable-reason:2', 'kepu/disable-reason:4']);
  });
});

describe('the tree', () => {
  it('holds both rules today', async () => {
    const results = await eslint.lintFiles(['src-main', 'src-renderer', 'tests', 'scripts']);
    const found = results.flatMap((r) => r.messages.filter((m) => m.ruleId !== null).map((m) => `${path.relative(repoRoot, r.filePath)}:${m.line} ${m.ruleId}`));
    expect(found).toEqual([]);
    expect(results.length).toBeGreaterThan(300); // the whole tree was looked at, not an empty glob
  });
});
