// A certificate export as a job on a worker thread (certificates:export, kind
// `certificates.export`; issue 18 aim 4): the same exportList as the CLI's, on the worker's own
// writable connection (WAL: the main process keeps reading and answering; busy_timeout: the one
// short commit waits for a writer of the main connection rather than failing). Progress per
// certificate drawn; a cancel (the shared flag) is seen between pages and files, before the commit:
// the temporary PDFs are removed and no certificate row is written. The main connection reads the
// committed rows at its next query (the register has no cache of its own in the main process).
import { createPrivateKey } from 'node:crypto';
import type { CertificateExportReport } from '../contract/certificates';
import { type ExportMode, exportList } from '../core/certificates/export';
import type { TemplateOptions } from '../core/certificates/layout';
import { certificateWording } from './certificate-wording';
import type { WorkerContext, WorkerControl } from './worker-tasks';

export interface CertificateExportArgs {
  campaignId: string;
  list: string;
  outDir: string;
  mode: ExportMode;
  template: Partial<TemplateOptions>;
  /** The signing key, unlocked in the main process (PKCS#8 DER): the worker has no key store of its own. */
  issuerKey: Uint8Array;
  issuerName: string;
  /** False while another export of this process writes into the same folder: its temporary files are not leftovers. */
  sweep: boolean;
  /** Fixed by the handler, so the issue date is the day the export was asked for. */
  now: string;
}

export async function exportCertificatesJob(ctx: WorkerContext, args: CertificateExportArgs, control: WorkerControl): Promise<CertificateExportReport> {
  const privateKey = createPrivateKey({ key: Buffer.from(args.issuerKey), format: 'der', type: 'pkcs8' });
  // A cancelled export answers its report (cancelled: true, no files): the job ends "cancelled".
  return exportList(ctx.db, {
    campaignId: args.campaignId,
    listName: args.list,
    outDir: args.outDir,
    mode: args.mode,
    template: args.template,
    issuer: { privateKey, name: args.issuerName },
    wording: certificateWording(),
    cancelled: () => control.cancelled(),
    onProgress: (done, total) => control.progress({ done, total }),
    sweep: args.sweep,
    now: new Date(args.now),
  });
}
