#!/usr/bin/env node
// Starts the `kepu` CLI: the JavaScript build in out/cli when it is current, else the TypeScript
// sources through tsx.
// The rule: out/cli is used when out/cli/inputs.json (written by scripts/build-cli.mjs) exists and
// none of the source files it lists was modified after the build started. A listed file that is
// missing does not count: the packaged app ships out/cli without src-main, and a file deleted in a
// checkout shows up as a newer file that imported it. So a fresh `npm install` (no out/) and a
// checkout edited since the last `npm run build` both run the sources: never an outdated CLI. The
// check stats the few hundred listed files (a few milliseconds), much less than tsx's start.
// KEPU_CLI_FROM_SOURCE=1 forces the tsx path (tests of the sources before a build).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'out', 'cli', 'index.js');

function builtIsCurrent() {
  if (process.env.KEPU_CLI_FROM_SOURCE === '1') return false;
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(root, 'out', 'cli', 'inputs.json'), 'utf8'));
  } catch {
    return false;
  }
  if (!fs.existsSync(built) || !Array.isArray(manifest.inputs) || typeof manifest.builtAt !== 'number') return false;
  for (const input of manifest.inputs) {
    const stat = fs.statSync(path.join(root, input), { throwIfNoEntry: false });
    if (stat && stat.mtimeMs > manifest.builtAt) return false;
  }
  return true;
}

if (builtIsCurrent()) {
  // Source maps stay off (they cost every start); NODE_OPTIONS=--enable-source-maps makes a stack
  // trace name the TypeScript lines, through the .map files beside the chunks.
  await import(pathToFileURL(built).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src-main/cli/index.ts');
}
