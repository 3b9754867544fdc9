// How a `kepu` command fails. Every failure has a stable error code (contract/errors.ts) and a
// message in the user's language; with --json it is printed as ONE JSON object on stdout
//   { "ok": false, "code": "…", "message": "…", "params": {…}, …details }
// and never as plain text, so scripts can rely on `code`. Without --json it is one line on stderr
// ending in [CODE]. Exit codes: 1 the input had problems, 2 usage error.
import type { i18n } from 'i18next';
import type { AppErrorBody, ErrorCode, ErrorParams } from '../contract';
import { isKepuError } from '../core/errors';
import { asDiskFull } from '../core/files/disk-full';
import { UsageError } from './args';

type T = i18n['t'];

export const EXIT_OK = 0;
export const EXIT_INPUT = 1;
export const EXIT_USAGE = 2;

/** A failure a command reports itself; `message` is already translated. */
export class CliFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly params: ErrorParams = {},
    /** Extra fields for the JSON object (e.g. `valid: false`, a partial report). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }

  /** A handler's error body, translated. */
  static fromBody(t: T, body: AppErrorBody): CliFailure {
    return new CliFailure(body.code, t(`errors.${body.code}`, { ...body.params }), body.params ?? {});
  }
}

interface Described {
  code: ErrorCode;
  message: string;
  params: ErrorParams;
  details: Record<string, unknown>;
  exit: number;
}

function describe(error: unknown, t: T, dataDir: string): Described {
  if (error instanceof UsageError) return { code: 'CLI_USAGE', message: error.message, params: { detail: error.message }, details: {}, exit: EXIT_USAGE };
  if (error instanceof CliFailure) return { code: error.code, message: error.message, params: error.params, details: error.details, exit: EXIT_INPUT };
  if (isKepuError(error)) return { code: error.code, message: t(`errors.${error.code}`, { ...error.params }), params: error.params, details: {}, exit: EXIT_INPUT };
  // The file writers name their folder themselves (core/files); what is left is SQLite's
  // SQLITE_FULL from a command that works on the database directly, i.e. in the data folder.
  const full = asDiskFull(error, dataDir);
  if (isKepuError(full)) return describe(full, t, dataDir);
  return { code: 'INTERNAL', message: t('errors.INTERNAL'), params: {}, details: {}, exit: EXIT_INPUT };
}

/** Prints `error` as described above and returns the exit code. */
export function reportFailure(error: unknown, t: T, options: { json: boolean; dataDir: string }): number {
  const { json } = options;
  const failure = describe(error, t, options.dataDir);
  if (failure.code === 'INTERNAL') {
    // A bug, not the user's input: the stack goes to stderr for the report, in both modes.
    process.stderr.write(`kepu: ${(error as Error)?.stack ?? String(error)}\n`);
  }
  if (json) {
    const body = { ok: false, code: failure.code, message: failure.message, params: failure.params, ...failure.details };
    process.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
  } else if (failure.exit === EXIT_USAGE) {
    process.stderr.write(`kepu: ${failure.message}\n${t('cli.seeHelp')}\n`);
  } else {
    process.stderr.write(`kepu: ${failure.message} [${failure.code}]\n`);
  }
  return failure.exit;
}

function options(argv: readonly string[]): readonly string[] {
  const end = argv.indexOf('--');
  return end === -1 ? argv : argv.slice(0, end);
}

/** --json anywhere among the options (before a `--` that ends them), even if parsing them fails. */
export function wantsJson(argv: readonly string[]): boolean {
  return options(argv).includes('--json');
}

/** The value of --data-dir as given (`--data-dir D` or `--data-dir=D`), if any. */
export function dataDirOption(argv: readonly string[]): string | undefined {
  const opts = options(argv);
  for (let i = 0; i < opts.length; i++) {
    if (opts[i] === '--data-dir') return opts[i + 1];
    if (opts[i].startsWith('--data-dir=')) return opts[i].slice('--data-dir='.length);
  }
  return undefined;
}
