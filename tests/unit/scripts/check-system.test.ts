// `npm test` checks its system tools first (scripts/check-system.mjs): on a machine without one it
// stops at once with the exact command to run, instead of failing mid-run.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../helpers';

const script = path.join(repoRoot, 'scripts', 'check-system.mjs');
const run = (env: Record<string, string>) => spawnSync(process.execPath, [script], { encoding: 'utf8', env: { ...process.env, KEPU_SYSTEM_CHECK: 'report', ...env } });

describe('the system check before npm test', () => {
  it('passes on this machine, which has every tool', () => {
    const checked = run({});
    expect(checked.stderr).toBe('');
    expect(checked.status).toBe(0);
  });

  it('names what is missing and the exact command to install it', () => {
    const checked = run({ KEPU_CHROMIUM: path.join(repoRoot, 'no-such-chromium') });
    expect(checked.status).toBe(1);
    expect(checked.stderr).toContain('no-such-chromium');
    expect(checked.stderr).toContain('sudo apt-get install -y --no-install-recommends chromium');
    expect(checked.stderr).not.toContain('poppler-utils'); // only what is missing
  });
});
