// bin/kepu.mjs runs out/cli only while it is current: checked on a real folder with real file
// times (a build manifest, sources touched before and after it).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { currentBuiltCli } from '../../../bin/cli-freshness.mjs';
import { tempDir } from '../../helpers';

function project(builtAt: number, inputs: string[]): string {
  const root = tempDir('kepu-cli-fresh-');
  fs.mkdirSync(path.join(root, 'out', 'cli'), { recursive: true });
  fs.writeFileSync(path.join(root, 'out', 'cli', 'index.js'), '');
  fs.writeFileSync(path.join(root, 'out', 'cli', 'inputs.json'), JSON.stringify({ builtAt, inputs }));
  return root;
}

function source(root: string, file: string, mtimeMs: number): void {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), 'export {};\n');
  fs.utimesSync(path.join(root, file), mtimeMs / 1000, mtimeMs / 1000);
}

describe('which CLI bin/kepu.mjs runs', () => {
  const builtAt = Date.parse('2026-12-03T10:00:00Z');
  const inputs = ['src-main/cli/index.ts', 'src-main/cli/main.ts', 'package.json'];

  it('runs the build while no source it lists changed since the build started', () => {
    const root = project(builtAt, inputs);
    for (const file of inputs) source(root, file, builtAt - 60_000);
    expect(currentBuiltCli(root, {})).toBe(path.join(root, 'out', 'cli', 'index.js'));
  });

  it('runs the sources once any listed file is newer, or when asked to', () => {
    const root = project(builtAt, inputs);
    for (const file of inputs) source(root, file, builtAt - 60_000);
    expect(currentBuiltCli(root, { KEPU_CLI_FROM_SOURCE: '1' })).toBeNull();
    source(root, 'src-main/cli/main.ts', builtAt + 1_000);
    expect(currentBuiltCli(root, {})).toBeNull();
  });

  it('runs the build of a packaged app, which ships no sources', () => {
    expect(currentBuiltCli(project(builtAt, inputs), {})).not.toBeNull();
  });

  it('runs the sources when there is no build, or no manifest, or a broken one', () => {
    const root = tempDir('kepu-cli-fresh-');
    expect(currentBuiltCli(root, {})).toBeNull();
    const broken = project(builtAt, inputs);
    fs.writeFileSync(path.join(broken, 'out', 'cli', 'inputs.json'), '{');
    expect(currentBuiltCli(broken, {})).toBeNull();
    const noEntry = project(builtAt, inputs);
    fs.rmSync(path.join(noEntry, 'out', 'cli', 'index.js'));
    expect(currentBuiltCli(noEntry, {})).toBeNull();
  });
});
