// The one place where "the disk is full" becomes an error a person can act on. The operating
// system says ENOSPC (no space left) or EDQUOT (the user's quota is used up); SQLite says
// SQLITE_FULL when its own write hit either. All of them become DISK_FULL naming the folder that
// was being written, so the message can say where space must be freed.
import { KepuError } from '../errors';

const DISK_FULL_CODES = new Set(['ENOSPC', 'EDQUOT', 'SQLITE_FULL']);

export function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && DISK_FULL_CODES.has(code);
}

/** DISK_FULL for `folder` when `error` is a full disk or quota; else `error` unchanged. */
export function asDiskFull(error: unknown, folder: string): unknown {
  if (error instanceof KepuError || !isDiskFull(error)) return error;
  const reason = (error as Error).message ?? String(error);
  return new KepuError('DISK_FULL', `files: no space left to write in ${folder}: ${reason}`, { folder });
}
