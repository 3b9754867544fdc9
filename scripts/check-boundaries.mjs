#!/usr/bin/env node
// `npm run check:boundaries`: fails when a file imports across a layer boundary (DESIGN.md §3).
import path from 'node:path';
import { checkTree } from './boundaries.mjs';

const root = path.resolve(import.meta.dirname, '..');
const problems = checkTree(root);
if (problems.length) {
  console.error(`boundaries: ${problems.length} import(s) cross a layer boundary:`);
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
console.log('boundaries: contract, core, app, shells and renderer import only what they may.');
