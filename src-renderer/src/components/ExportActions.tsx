// One row under every export: where the file was written (in the data folder's exports/), and
// "Save as…" (the OS save dialog in the desktop app, a download of the written file in the browser
// shell), "Show in folder" (desktop only: a browser cannot show folders) and, for a PDF, "Print"
// from that very file (electron/print.ts; a frame of the page's own origin in the browser shell).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportRevealer, printExport, saveExportAs } from '../api';
import type { DeliveredExport } from '../hooks/useDeliveredExport';
import { useAppStore } from '../stores/useAppStore';

const extensionOf = (name: string) => (/\.([^.\\/]+)$/.exec(name)?.[1] ?? '').toLowerCase();

/**
 * `showWhere`: say where the file went (for panels that do not already say so in their own notice);
 * `printable` false hides Print where the panel has its own print button.
 */
export function ExportActions({ file, testId = 'export-actions', printable = true, showWhere = false }: { file: DeliveredExport | null; testId?: string; printable?: boolean; showWhere?: boolean }) {
  const { t } = useTranslation();
  const run = useAppStore((s) => s.run);
  const [copied, setCopied] = useState<{ savedTo: string; heldOpen?: string } | null>(null);
  const [printFailed, setPrintFailed] = useState(false);
  if (!file) return null;
  const reveal = exportRevealer();
  const ext = extensionOf(file.fileName);

  async function saveAs(target: DeliveredExport) {
    const copy = await run(() => saveExportAs(target.savedTo, target.fileName, t('exportActions.filter', { ext: ext.toUpperCase() })));
    setCopied(copy && copy !== 'downloaded' ? copy : null);
  }
  async function print(target: DeliveredExport) {
    setPrintFailed((await run(() => printExport(target.savedTo))) === false);
  }

  return (
    <div className="export-actions small" data-testid={testId}>
      {showWhere && (
        <span className="export-actions-where">
          {file.heldOpen ? t('exportActions.heldOpen', { file: file.heldOpen, savedTo: file.savedTo }) : t('exportActions.savedTo', { file: file.savedTo })}
        </span>
      )}
      <button type="button" onClick={() => void saveAs(file)} data-testid={`${testId}-save-as`}>
        {t('exportActions.saveAs')}
      </button>
      {reveal && (
        <button type="button" onClick={() => void run(() => reveal(file.savedTo))} data-testid={`${testId}-show-in-folder`}>
          {t('exportActions.showInFolder')}
        </button>
      )}
      {printable && ext === 'pdf' && (
        <button type="button" onClick={() => void print(file)} data-testid={`${testId}-print`}>
          {t('exportActions.print')}
        </button>
      )}
      {copied && <span data-testid={`${testId}-copied`}>{copied.heldOpen ? t('exportActions.heldOpen', { file: copied.heldOpen, savedTo: copied.savedTo }) : t('exportActions.copySaved', { file: copied.savedTo })}</span>}
      {printFailed && <span className="verdict-fail">{t('exportActions.printFailed')}</span>}
    </div>
  );
}
