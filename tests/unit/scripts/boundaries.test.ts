import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { checkFile, checkTree } from '../../../scripts/boundaries.mjs';
import { repoRoot } from '../../helpers';

const at = (rel: string) => path.join(repoRoot, rel);

describe('layer boundaries', () => {
  it('hold in this repository', () => {
    expect(checkTree(repoRoot)).toEqual([]);
  });

  it('flag core importing electron or a shell', () => {
    expect(checkFile(at('src-main/core/x.ts'), `import { app } from 'electron';`, repoRoot)).toHaveLength(1);
    expect(checkFile(at('src-main/core/x.ts'), `import { startHost } from '../host/server';`, repoRoot)).toHaveLength(1);
  });

  it('flag the contract importing node or the core', () => {
    expect(checkFile(at('src-main/contract/x.ts'), `import fs from 'node:fs';`, repoRoot)).toHaveLength(1);
    expect(checkFile(at('src-main/contract/x.ts'), `import { KepuError } from '../core/errors';`, repoRoot)).toHaveLength(1);
  });

  it('flag the renderer importing values or non-contract modules from src-main', () => {
    const file = at('src-renderer/src/components/X.tsx');
    expect(checkFile(file, `import { channels } from '../../../src-main/contract';`, repoRoot)).toHaveLength(1);
    expect(checkFile(file, `import type { X } from '../../../src-main/core/errors';`, repoRoot)).toHaveLength(1);
    expect(checkFile(file, `import fs from 'node:fs';`, repoRoot)).toHaveLength(1);
    expect(checkFile(file, `import type { EntryRow } from '../../../src-main/contract';`, repoRoot)).toEqual([]);
    // Values only from the contract's zod-free modules.
    expect(checkFile(file, `import { listFor } from '../../../src-main/contract/lists';`, repoRoot)).toEqual([]);
    expect(checkFile(file, `import { organizerRoles } from '../../../src-main/contract/definition-terms';`, repoRoot)).toEqual([]);
    expect(checkFile(file, `import { CampaignDefinition } from '../../../src-main/contract/domain';`, repoRoot)).toHaveLength(1);
  });

  it('flag app handlers depending on a shell', () => {
    expect(checkFile(at('src-main/app/x.ts'), `import { registerIpc } from '../electron/ipc';`, repoRoot)).toHaveLength(1);
  });
});
