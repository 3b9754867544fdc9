// An export's notice, plus a sentence when the file asked for was open in another program (Excel,
// WPS, a PDF reader on Windows) and the export went beside it as "name (2).ext" (core/files/busy-target.ts).
import type { TFunction } from 'i18next';

export function withHeldOpenNote(t: TFunction, file: { savedTo: string; heldOpen?: string }, notice: string): string {
  return file.heldOpen ? `${notice} ${t('common.heldOpen', { wanted: file.heldOpen, file: file.savedTo })}` : notice;
}
