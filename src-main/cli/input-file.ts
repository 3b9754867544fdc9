// Reading a file named on the command line. A file that cannot be read is a coded failure naming
// it (CliFailure), with the reason in the user's language rather than the OS's errno.
import fs from 'node:fs';
import path from 'node:path';
import type { i18n } from 'i18next';
import type { ErrorCode } from '../contract';
import { CliFailure } from './failure';

type T = i18n['t'];

const KNOWN_REASONS = new Set(['ENOENT', 'EISDIR', 'EACCES', 'EPERM']);

/** Why `error` kept a file from being read, in words. */
export function readProblem(t: T, error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code ?? '';
  return KNOWN_REASONS.has(code) ? t(`cli.readProblem.${code}`) : t('cli.readProblem.other', { code: code || String(error) });
}

export interface ReadInputOptions {
  /** The code of the failure (e.g. BUNDLE_UNREADABLE); params are { file, reason }. */
  code: ErrorCode;
  /** The translated message; defaults to errors.<code>. */
  message?: (params: { file: string; reason: string }) => string;
  /** Refused from its size before it is read (`tooLarge` gives the failure). */
  maxBytes?: number;
  tooLarge?: (size: number) => CliFailure;
}

export function readInputFile(file: string, t: T, options: ReadInputOptions): Buffer {
  const shown = path.basename(file) || file;
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
    if (options.maxBytes !== undefined && stat.size > options.maxBytes && options.tooLarge) throw options.tooLarge(stat.size);
    return fs.readFileSync(file);
  } catch (error) {
    if (error instanceof CliFailure) throw error;
    const params = { file: shown, reason: readProblem(t, error) };
    throw new CliFailure(options.code, options.message ? options.message(params) : t(`errors.${options.code}`, params), params);
  }
}
