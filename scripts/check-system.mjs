#!/usr/bin/env node
// `npm test` needs a few programs besides Node: chromium drives the end-to-end tests (Playwright never
// downloads a browser here), poppler-utils reads back the PDFs the app writes, openssl checks the
// documented bundle verification, sqlite3 changes a row behind the app's back, CJK fonts let
// screenshots and PDFs show Chinese, LibreOffice Calc opens the XLSX files the app writes, and ffmpeg makes the test videos. This runs first and checks them, so a fresh machine fails at
// once with the exact command to run instead of 20 minutes later in the middle of a test. As root
// with apt (CI, a fresh Debian or Ubuntu container) it installs what is missing itself.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const chromium = process.env.KEPU_CHROMIUM ?? '/usr/bin/chromium';

/** Each need: how to tell it is there, and the Debian package that brings it. */
const needs = [
  { what: `chromium (${chromium}; another one via KEPU_CHROMIUM)`, pkg: 'chromium', present: () => fs.existsSync(chromium) },
  { what: 'pdftotext, pdftoppm, pdffonts', pkg: 'poppler-utils', present: () => ['pdftotext', 'pdftoppm', 'pdffonts'].every(onPath) },
  { what: 'openssl', pkg: 'openssl', present: () => onPath('openssl') },
  { what: 'sqlite3', pkg: 'sqlite3', present: () => onPath('sqlite3') },
  { what: 'a CJK font (Noto Sans CJK)', pkg: 'fonts-noto-cjk', present: hasCjkFont },
  // Our XLSX writer's files are opened by a real office suite (tests/integration/export).
  { what: 'LibreOffice Calc (soffice)', pkg: 'libreoffice-calc-nogui', present: () => onPath('soffice') },
  // Real small videos for the end-to-end contests (nursing, showcase frames) and the probe's
  // fast path compared with ffprobe on files made in every shape (tests/integration/media).
  { what: 'ffmpeg', pkg: 'ffmpeg', present: () => onPath('ffmpeg') },
];

function onPath(program) {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  const names = process.platform === 'win32' ? [`${program}.exe`, `${program}.cmd`] : [program];
  return dirs.some((dir) => names.some((name) => fs.existsSync(path.join(dir, name))));
}

function hasCjkFont() {
  if (!onPath('fc-list')) return false;
  const listed = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
  return listed.status === 0 && listed.stdout.trim().length > 0;
}

const missing = needs.filter((n) => !n.present());
if (missing.length === 0) process.exit(0);

const packages = [...new Set(missing.map((n) => n.pkg))];
const command = `apt-get install -y --no-install-recommends ${packages.join(' ')}`;
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
// KEPU_SYSTEM_CHECK=report only reports (tests use it; so can anyone who wants no installing).
const mayInstall = process.env.KEPU_SYSTEM_CHECK !== 'report';
if (mayInstall && process.platform === 'linux' && isRoot && onPath('apt-get')) {
  console.log(`Installing what the tests need: ${packages.join(', ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', '--no-install-recommends', ...packages]]) {
    const run = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (run.status !== 0) {
      console.error(`apt-get ${args.join(' ')} failed (exit ${run.status}).`);
      process.exit(1);
    }
  }
  const still = needs.filter((n) => !n.present());
  if (still.length === 0) process.exit(0);
  console.error(`Still missing after installing: ${still.map((n) => n.what).join('; ')}`);
  process.exit(1);
}

console.error('The tests need programs this machine does not have:');
for (const n of missing) console.error(`  - ${n.what}  (Debian/Ubuntu package: ${n.pkg})`);
console.error(process.platform === 'linux' ? `Install them, then run npm test again:\n  sudo ${command}` : 'Install them with your system\'s package manager, then run npm test again.');
process.exit(1);
