// kepu bundle verify <file> | kepu bundle merge <files>... --campaign <id>
// verify names the signer (by the judge registered with that key in the data folder, else only the
// key id), the package, the revision and the entry count — or why the file is not a valid bundle.
// merge reports every file by its name: a file that cannot be read, is empty, too large or not a
// valid bundle is rejected with its reason, and all the others still merge.
import type { i18n } from 'i18next';
import path from 'node:path';
import type { MergeReport } from '../../contract';
import { mergeReport } from '../../core/merge/merge-report';
import { isKepuError } from '../../core/errors';
import { DEFAULT_BUNDLE_MAX_BYTES, readBundle, verifyBundle } from '../../core/exchange/bundle';
import { fingerprintOf, publicKeyFromBase64 } from '../../core/keys/identity';
import { parseCommand, UsageError } from '../args';
import { CliFailure } from '../failure';
import { readInputFile } from '../input-file';
import { oneAutoBackupFor } from '../../app/backup-handlers';
import { openRuntime } from '../runtime';

type T = i18n['t'];

/** The contract accepts at most this many files per bundle:merge request; longer lists go in batches. */
const MERGE_BATCH = 500;

export async function runBundle(argv: string[], t: T): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'verify') return verify(rest, t);
  if (sub === 'merge') return merge(rest, t);
  throw new UsageError(t('cli.unknownCommand', { command: `bundle ${sub ?? ''}`.trim() }));
}

/** The bytes of a bundle file, or the coded reason it cannot be one (named by its file name). */
function readBundleFile(file: string, t: T): Buffer {
  const fileName = path.basename(file);
  const bytes = readInputFile(file, t, {
    code: 'BUNDLE_UNREADABLE',
    maxBytes: DEFAULT_BUNDLE_MAX_BYTES,
    tooLarge: (size) => {
      const params = { file: fileName, size, limit: DEFAULT_BUNDLE_MAX_BYTES };
      return new CliFailure('BUNDLE_TOO_LARGE', t('errors.BUNDLE_TOO_LARGE', params), params);
    },
  });
  if (bytes.length === 0) throw new CliFailure('BUNDLE_EMPTY', t('errors.BUNDLE_EMPTY', { file: fileName }), { file: fileName });
  return bytes;
}

async function verify(argv: string[], t: T): Promise<number> {
  const { values, positionals } = parseCommand(argv, {});
  if (positionals.length !== 1) throw new UsageError(t('cli.bundle.verifyUsage'));
  const file = path.resolve(positionals[0]);
  const fileName = path.basename(file);
  const invalid = (code: CliFailure['code'], reason: string, params: Record<string, string | number>) =>
    new CliFailure(code, t('cli.bundle.invalid', { file: fileName, reason }), { file: fileName, ...params }, { valid: false });
  let bytes: Buffer;
  try {
    bytes = readBundleFile(file, t);
  } catch (error) {
    // These messages name the file already.
    if (error instanceof CliFailure) throw new CliFailure(error.code, error.message, error.params, { valid: false });
    throw error;
  }
  const rt = openRuntime(values['data-dir'] as string | undefined, t);
  try {
    const read = readBundle(bytes);
    const fingerprint = fingerprintOf(read.keyId);
    const judge = rt.ctx.judges.signer(read.keyId);
    if (!judge) throw invalid('BUNDLE_UNKNOWN_SIGNER', t('cli.bundle.unknownSigner', { fingerprint }), { fingerprint });
    verifyBundle(read, publicKeyFromBase64(judge.publicKey));
    const info = {
      valid: true,
      signer: judge.name,
      fingerprint,
      packageId: read.payload.packageId,
      campaignId: read.payload.campaignId,
      revision: read.payload.revision,
      entries: read.payload.entries.length,
    };
    process.stdout.write(values.json ? `${JSON.stringify({ ok: true, ...info }, null, 2)}\n` : `${t('cli.bundle.valid', info)}\n`);
    return 0;
  } catch (error) {
    if (isKepuError(error)) throw invalid(error.code, t(`errors.${error.code}`, { file: fileName, ...error.params }), error.params);
    throw error;
  } finally {
    rt.close();
  }
}

type FileLine = MergeReport['files'][number];

async function merge(argv: string[], t: T): Promise<number> {
  const { values, positionals } = parseCommand(argv, { campaign: { type: 'string' }, 'after-publish': { type: 'boolean' } });
  if (positionals.length === 0) throw new UsageError(t('cli.bundle.mergeUsage'));
  if (!values.campaign) throw new UsageError(t('cli.missingOption', { option: '--campaign <id>' }));
  const campaignId = values.campaign as string;
  // One slot per file in the order given; files that cannot even be read are rejected here.
  const lines: (FileLine | null)[] = [];
  const readable: { slot: number; fileName: string; contentBase64: string }[] = [];
  for (const given of positionals) {
    const file = path.resolve(given);
    const fileName = path.basename(file);
    try {
      readable.push({ slot: lines.length, fileName, contentBase64: readBundleFile(file, t).toString('base64') });
      lines.push(null);
    } catch (error) {
      if (!(error instanceof CliFailure)) throw error;
      lines.push({ fileName, status: 'rejected', judgeName: null, revision: null, entries: null, error: { code: error.code, params: error.params }, definitionVersion: null });
    }
  }
  const rt = openRuntime(values['data-dir'] as string | undefined, t);
  try {
    // After publication, merging moves the live result away from the published one: only on request.
    if (values['after-publish']) await rt.call('ranking:allowChanges', { campaignId });
    let report: MergeReport | null = null;
    const mergeAll = async () => {
      for (let start = 0; start < readable.length; start += MERGE_BATCH) {
        const batch = readable.slice(start, start + MERGE_BATCH);
        report = await rt.call('bundle:merge', { campaignId, files: batch.map(({ fileName, contentBase64 }) => ({ fileName, contentBase64 })) });
        report.files.forEach((line, i) => (lines[batch[i].slot] = line));
      }
    };
    // One automatic backup before the whole run, not one per batch (backup-handlers.ts).
    if (readable.length > MERGE_BATCH) {
      rt.ctx.campaigns.summary(campaignId); // CAMPAIGN_NOT_FOUND before a backup is taken
      await oneAutoBackupFor(rt.ctx, 'before-merge', mergeAll);
    } else await mergeAll();
    if (!report) {
      rt.ctx.campaigns.summary(campaignId); // CAMPAIGN_NOT_FOUND before anything is reported
      report = mergeReport(rt.ctx, campaignId, []);
    }
    const files = lines as FileLine[];
    const ok = !files.some((f) => f.status === 'rejected');
    if (values.json) process.stdout.write(`${JSON.stringify({ ok, ...report, files }, null, 2)}\n`);
    else {
      for (const f of files) {
        const reason = f.error ? t(`errors.${f.error.code}`, { file: f.fileName, ...f.error.params }) : '';
        // A bundle checked against a changed definition says so: it answered an older version.
        const version = f.status === 'accepted' && f.definitionVersion && f.definitionVersion.answered !== f.definitionVersion.current ? `\t${t('exchange.definitionVersion.older', f.definitionVersion)}` : '';
        process.stdout.write(`${t(`cli.bundle.status.${f.status}`)}\t${f.fileName}\t${f.judgeName ?? ''}${f.revision ? ` r${f.revision}` : ''}${reason ? `\t${reason} [${f.error?.code}]` : ''}${version}\n`);
      }
      process.stdout.write(`${t('cli.bundle.coverage', report.coverage)}\n`);
      if (report.missingJudges.length) process.stdout.write(`${t('cli.bundle.missingJudges', { names: report.missingJudges.map((j) => j.name).join(', ') })}\n`);
    }
    return ok ? 0 : 1;
  } finally {
    rt.close();
  }
}
