#!/usr/bin/env node
// Prints one closing line over both test runners (vitest and Playwright JSON reports), so CI and a
// person see at a glance how many tests ran: "N passed, N failed".
import fs from 'node:fs';
import path from 'node:path';

const dir = path.resolve(import.meta.dirname, '..', 'reports');
let passed = 0;
let failed = 0;
let skipped = 0;

const vitestFile = path.join(dir, 'vitest.json');
if (fs.existsSync(vitestFile)) {
  const v = JSON.parse(fs.readFileSync(vitestFile, 'utf8'));
  passed += v.numPassedTests;
  failed += v.numFailedTests;
  skipped += v.numPendingTests + (v.numTodoTests ?? 0);
}
const pwFile = path.join(dir, 'playwright.json');
if (fs.existsSync(pwFile)) {
  const p = JSON.parse(fs.readFileSync(pwFile, 'utf8'));
  passed += p.stats.expected + p.stats.flaky;
  failed += p.stats.unexpected;
  skipped += p.stats.skipped;
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
