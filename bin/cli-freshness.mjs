// Whether the built CLI in out/cli may run (bin/kepu.mjs), or the TypeScript sources must.
// The rule: out/cli is used when out/cli/inputs.json (written by scripts/build-cli.mjs) exists and
// none of the source files it lists was modified after the build started. A listed file that is
// missing does not count: the packaged app ships out/cli without src-main, and a file deleted in a
// checkout shows up as a newer file that imported it. So a fresh `npm install` (no out/) and a
// checkout edited since the last `npm run build` both run the sources: never an outdated CLI. The
// check stats the few hundred listed files (a few milliseconds), much less than tsx's start.
// KEPU_CLI_FROM_SOURCE=1 forces the sources (tests of the sources before a build).
import fs from 'node:fs';
import path from 'node:path';

/** The built entry to import, or null when the sources must run. */
export function currentBuiltCli(root, env = process.env) {
  if (env.KEPU_CLI_FROM_SOURCE === '1') return null;
  const built = path.join(root, 'out', 'cli', 'index.js');
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(root, 'out', 'cli', 'inputs.json'), 'utf8'));
  } catch {
    return null;
  }
  if (!fs.existsSync(built) || !Array.isArray(manifest.inputs) || typeof manifest.builtAt !== 'number') return null;
  for (const input of manifest.inputs) {
    const stat = fs.statSync(path.join(root, input), { throwIfNoEntry: false });
    if (stat && stat.mtimeMs > manifest.builtAt) return null;
  }
  return built;
}
