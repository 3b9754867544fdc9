// The layer rule (`kepu/layers`, table in eslint.config.mjs) run through ESLint with the repository's
// own config, on snippets placed in each layer's folder: what it must flag and what it must let through.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../helpers';

const eslint = new ESLint({ cwd: repoRoot, ruleFilter: ({ ruleId }) => ruleId === 'kepu/layers' });

/** The layer rule's messages for `source` as if it were the file `rel`. */
async function problems(rel: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.join(repoRoot, rel) });
  return result.messages.map((m) => m.message);
}

describe('layer boundaries', () => {
  it('hold in this repository', async () => {
    const results = await eslint.lintFiles(['src-main', 'src-renderer']);
    const found = results.flatMap((r) => r.messages.map((m) => `${path.relative(repoRoot, r.filePath)}: ${m.message}`));
    expect(found).toEqual([]);
    expect(results.length).toBeGreaterThan(300); // the whole tree was looked at, not an empty glob
  });

  it('flag core importing electron or a shell', async () => {
    expect(await problems('src-main/core/x.ts', `import { app } from 'electron';`)).toHaveLength(1);
    expect(await problems('src-main/core/x.ts', `import { startHost } from '../host/server';`)).toHaveLength(1);
  });

  it('flag the contract importing node or the core', async () => {
    expect(await problems('src-main/contract/x.ts', `import fs from 'node:fs';`)).toHaveLength(1);
    expect(await problems('src-main/contract/x.ts', `import fs from 'fs';`)).toHaveLength(1);
    expect(await problems('src-main/contract/x.ts', `import { KepuError } from '../core/errors';`)).toHaveLength(1);
    expect(await problems('src-main/contract/x.ts', `import { z } from 'zod';`)).toEqual([]);
  });

  it('flag the renderer importing values or non-contract modules from src-main', async () => {
    const file = 'src-renderer/src/components/X.tsx';
    expect(await problems(file, `import { channels } from '../../../src-main/contract';`)).toHaveLength(1);
    expect(await problems(file, `import type { X } from '../../../src-main/core/errors';`)).toHaveLength(1);
    expect(await problems(file, `import fs from 'node:fs';`)).toHaveLength(1);
    expect(await problems(file, `import type { EntryRow } from '../../../src-main/contract';`)).toEqual([]);
    expect(await problems(file, `import { type EntryRow } from '../../../src-main/contract';`)).toEqual([]);
    // Values only from the contract's zod-free modules.
    expect(await problems(file, `import { listFor } from '../../../src-main/contract/lists';`)).toEqual([]);
    expect(await problems(file, `import { organizerRoles } from '../../../src-main/contract/definition-terms';`)).toEqual([]);
    expect(await problems(file, `import { CampaignDefinition } from '../../../src-main/contract/domain';`)).toHaveLength(1);
  });

  it('flag the renderer reaching Node or Electron by any name', async () => {
    const file = 'src-renderer/src/components/X.tsx';
    for (const spec of ['fs', 'node:fs', 'path', 'better-sqlite3', 'electron', 'electron/renderer']) {
      expect(await problems(file, `import x from '${spec}';`), spec).toEqual([expect.stringContaining(`"${spec}"`)]);
    }
    expect(await problems(file, `import { useState } from 'react';\nimport { create } from 'zustand';`)).toEqual([]);
  });

  it('flag app handlers depending on a shell, electron or the renderer', async () => {
    expect(await problems('src-main/app/x.ts', `import { registerIpc } from '../electron/ipc';`)).toHaveLength(1);
    expect(await problems('src-main/app/x.ts', `import { app } from 'electron';`)).toHaveLength(1);
    expect(await problems('src-main/app/x.ts', `import { app } from 'electron/main';`)).toHaveLength(1);
    expect(await problems('src-main/app/x.ts', `import { invoke } from '../../src-renderer/src/api';`)).toHaveLength(1);
  });

  it('see imports wherever they are written: mid-line, re-exports, import(), require()', async () => {
    const file = 'src-main/core/x.ts';
    expect(await problems(file, `const a = 1; import { app } from 'electron';`)).toHaveLength(1);
    expect(await problems(file, `export { app } from 'electron';`)).toHaveLength(1);
    expect(await problems(file, `export async function f() { return import('electron'); }`)).toHaveLength(1);
    expect(await problems(file, `export const e = require('electron');`)).toHaveLength(1);
    expect(await problems(file, `export type App = typeof import('electron').app;`)).toHaveLength(1);
  });

  it('flag a file in a folder no layer owns, and imports of files no layer owns', async () => {
    expect(await problems('src-main/newshell/x.ts', `export const a = 1;`)).toEqual([expect.stringContaining('no layer owns')]);
    expect(await problems('src-main/x.ts', `export const a = 1;`)).toEqual([expect.stringContaining('no layer owns')]);
    expect(await problems('src-main/core/x.ts', `import a from '../../tests/helpers';`)).toEqual([expect.stringContaining('belongs to no layer')]);
  });

  it('keep the preload to electron and the zod-free bridge files', async () => {
    expect(await problems('src-main/preload/x.ts', `import { INVOKE_CHANNEL } from '../contract/bridge';`)).toEqual([]);
    expect(await problems('src-main/preload/x.ts', `import { channels } from '../contract/channels';`)).toHaveLength(1);
    expect(await problems('src-main/preload/x.ts', `import { z } from 'zod';`)).toHaveLength(1);
  });
});
