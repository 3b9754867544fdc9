// Says so when an export went to "name (2).ext" because the file asked for was open in another
// program (Excel, WPS, a PDF reader on Windows: core/files/busy-target.ts). On stderr, so --json
// output stays one object.
import type { i18n } from 'i18next';

export function noteHeldOpen(t: i18n['t'], wanted: string | undefined, written: string): void {
  if (wanted && wanted !== written) process.stderr.write(`${t('cli.heldOpen', { wanted, file: written })}\n`);
}
