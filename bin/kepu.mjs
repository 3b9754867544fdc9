#!/usr/bin/env node
// Starts the `kepu` CLI: the JavaScript build in out/cli when it is current (cli-freshness.mjs
// says what that means), else the TypeScript sources through tsx, so `npx kepu` works right after
// `npm install` and never runs an outdated build.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { currentBuiltCli } from './cli-freshness.mjs';

const built = currentBuiltCli(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'));
if (built) {
  // Source maps stay off (they cost every start); NODE_OPTIONS=--enable-source-maps makes a stack
  // trace name the TypeScript lines, through the .map files beside the chunks.
  await import(pathToFileURL(built).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src-main/cli/index.ts');
}
