// kepu probe <file-or-folder>... [--template <id> | --campaign <id>] [--json] [--data-dir D]
// Checks media files against a campaign's rules without importing anything. Policy: works without a
// database (rules from a built-in template, default sichuan-influence-2023); a database is opened
// only for --campaign or an explicit --data-dir, and then its probe cache is used. Folders are
// walked recursively in name order, skipping dot-files and not following symlinked folders. A path
// that does not exist is reported as unreadable. Exit 0 when every file passes, 1 when any fails or
// is unreadable, 2 for usage errors. Ctrl+C stops starting new probes and reports what finished.
import type { i18n } from 'i18next';
import fs from 'node:fs';
import path from 'node:path';
import type { MediaRules, Violation } from '../../contract';
import { TemplateCatalog } from '../../core/campaigns/templates';
import { entryKind, isOsJunk } from '../../core/files/folder-walk';
import { ProbeCache } from '../../core/media/probe-cache';
import { type CheckedFile, checkFiles } from '../../core/media/probe-queue';
import { violationTexts } from '../../core/media/violation-text';
import { defaultResourcesDir } from '../../app/paths';
import { parseCommand, UsageError } from '../args';
import { CliFailure } from '../failure';
import { type CliRuntime, here, openRuntime } from '../runtime';

type T = i18n['t'];

export const DEFAULT_PROBE_TEMPLATE = 'sichuan-influence-2023';

export async function runProbe(argv: string[], t: T): Promise<number> {
  const { values, positionals } = parseCommand(argv, { template: { type: 'string' }, campaign: { type: 'string' } });
  if (positionals.length === 0) {
    throw new UsageError(t('cli.probe.missingPath'));
  }
  if (values.template && values.campaign) {
    throw new UsageError(t('cli.probe.oneRuleSource'));
  }
  const dataDir = values['data-dir'] as string | undefined;
  const rt: CliRuntime | null = values.campaign || dataDir ? openRuntime(dataDir, t) : null;
  const controller = new AbortController();
  const onInterrupt = () => controller.abort();
  process.once('SIGINT', onInterrupt);
  try {
    const rules = rulesFor(values, rt);
    // With the database open, its own files are never opened here: reading even their first bytes
    // through fs drops this process's SQLite locks (see core/db/protected-files.ts).
    const guard = rt?.ctx.protectedFiles;
    if (guard) {
      for (const input of positionals) {
        if (guard.isProtected(input)) {
          const params = { file: path.basename(input) };
          throw new CliFailure('PATH_IS_APP_DATA', t('errors.PATH_IS_APP_DATA', params), params);
        }
      }
    }
    const files = expandInputs(positionals, guard ? (file) => guard.isProtected(file) : undefined);
    const showProgress = !values.json && process.stderr.isTTY === true;
    const { results, cancelled } = await checkFiles(files, {
      rules,
      cache: rt ? new ProbeCache(rt.ctx.db) : undefined,
      signal: controller.signal,
      onProgress: showProgress
        ? (p) => process.stderr.write(`\r${t('cli.probe.progress', { done: p.done, total: p.total })}`)
        : undefined,
    });
    if (showProgress) process.stderr.write('\r\x1b[K');
    if (values.json) process.stdout.write(`${JSON.stringify(results.map(toJson), null, 2)}\n`);
    else printTable(t, results, rules.video.sizeUnit);
    if (cancelled) {
      process.stderr.write(`${t('cli.probe.cancelled', { done: results.length, total: files.length })}\n`);
      return 1;
    }
    return results.every((r) => r.verdict === 'pass') ? 0 : 1;
  } finally {
    process.removeListener('SIGINT', onInterrupt);
    rt?.close();
  }
}

function rulesFor(values: Record<string, string | boolean | undefined>, rt: CliRuntime | null): MediaRules {
  if (typeof values.campaign === 'string') {
    if (!rt) throw new Error('cli: --campaign needs the database');
    return rt.ctx.campaigns.definition(values.campaign).mediaRules;
  }
  const id = typeof values.template === 'string' ? values.template : DEFAULT_PROBE_TEMPLATE;
  const catalog = rt?.ctx.templates ?? new TemplateCatalog(path.join(defaultResourcesDir(here), 'templates'));
  return catalog.get(id).definition.mediaRules;
}

/**
 * Files as given, folders walked recursively (sorted, no dot-files or OS junk: folder-walk.ts). Missing paths stay in.
 * `skip`: files a walk leaves out unopened (the open database's own files).
 */
export function expandInputs(inputs: readonly string[], skip: (file: string) => boolean = () => false): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (skip(full)) continue;
      const kind = entryKind(full, entry);
      if (kind === 'dir') walk(full);
      else if (kind === 'file') files.push(full);
      else if (!isOsJunk(entry.name) && entry.isSymbolicLink() && isFile(full)) files.push(full);
    }
  };
  for (const input of inputs) {
    let stat: fs.Stats | null = null;
    try {
      stat = fs.statSync(input);
    } catch {
      stat = null;
    }
    if (stat?.isDirectory()) walk(input);
    else files.push(input);
  }
  return files;
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function toJson(r: CheckedFile) {
  return {
    path: r.path,
    mediaClass: r.mediaClass,
    verdict: r.verdict,
    violations: r.violations.map((v) => ({ code: v.code, limit: v.limit, actual: v.actual })),
    facts: r.facts,
    ...(r.sha256 ? { sha256: r.sha256 } : {}),
  };
}

function printTable(t: T, results: readonly CheckedFile[], sizeUnit: MediaRules['video']['sizeUnit']): void {
  const count = { pass: 0, fail: 0, unreadable: 0 };
  for (const r of results) {
    count[r.verdict] += 1;
    const verdict = t(`cli.probe.verdict.${r.verdict}`);
    const problems = r.violations.map((v) => describeViolation(t, v, sizeUnit)).join('; ');
    process.stdout.write(`${verdict}\t${r.path}${problems ? `\t${problems}` : ''}\n`);
  }
  process.stdout.write(
    `${t('cli.probe.summary', {
      count: results.length,
      ...count,
    })}\n`,
  );
}

/** The same wording as the compliance report in the UI (compliance.rules.<CODE>), code first for grep. */
function describeViolation(t: T, v: Violation, sizeUnit: MediaRules['video']['sizeUnit']): string {
  const { limitText, actualText } = violationTexts(v, sizeUnit);
  return `${v.code}: ${t(`compliance.rules.${v.code}`, { limit: limitText, actual: actualText })}`;
}
