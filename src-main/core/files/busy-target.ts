// A file that another program holds open. On Windows, Excel, WPS and Acrobat lock the file they
// show, and antivirus scanners hold new files for a moment: replacing it fails with EBUSY, EPERM or
// EACCES. A scanner lets go within a second, so the replacement is retried with a growing pause;
// an export that is still held (the person has it open in Excel) is written next to it as
// "name (2).ext" — never lost, never an error — and the caller reports the name it got.
import path from 'node:path';

const BUSY_CODES = new Set(['EBUSY', 'EPERM', 'EACCES']);

/** Pauses between tries (ms): about 1.5 s in all, enough for a scanner, short for a person waiting. */
export const BUSY_RETRY_DELAYS_MS = [100, 200, 400, 800] as const;

export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && BUSY_CODES.has(code);
}

/** A synchronous pause (the writers are synchronous; a second at most, rarely). */
export function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Runs `attempt`, again after each pause while it fails because the file is held; then throws the last error. */
export function retryWhileBusy<T>(attempt: () => T, sleep: (ms: number) => void = sleepSync): T {
  for (const delay of BUSY_RETRY_DELAYS_MS) {
    try {
      return attempt();
    } catch (error) {
      if (!isBusy(error)) throw error;
      sleep(delay);
    }
  }
  return attempt();
}

/** "scores.xlsx" → "scores (2).xlsx", "scores (3).xlsx" … as Windows Explorer names copies. */
export function numberedName(file: string, n: number): string {
  const ext = path.extname(file);
  return path.join(path.dirname(file), `${path.basename(file, ext)} (${n})${ext}`);
}
