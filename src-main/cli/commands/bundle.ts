// kepu bundle verify <file> | kepu bundle merge <files>... --campaign <id>
// verify names the signer (by the judge registered with that key in the data folder, else only the
// key id), the package, the revision and the entry count — or why the file is not a valid bundle.
import type { i18n } from 'i18next';
import fs from 'node:fs';
import path from 'node:path';
import { isKepuError } from '../../core/errors';
import { readBundle, verifyBundle } from '../../core/exchange/bundle';
import { fingerprintOf, publicKeyFromBase64 } from '../../core/keys/identity';
import { translateError } from '../../app/translate';
import { parseCommand, UsageError } from '../args';
import { InputProblem, openRuntime } from '../runtime';

type T = i18n['t'];

export async function runBundle(argv: string[], t: T): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'verify') return verify(rest, t);
  if (sub === 'merge') return merge(rest, t);
  throw new UsageError(t('cli.unknownCommand', { command: `bundle ${sub ?? ''}`.trim() }));
}

function readFile(file: string, t: T): Buffer {
  try {
    return fs.readFileSync(file);
  } catch {
    throw new InputProblem(t('cli.import.cannotRead', { file }));
  }
}

async function verify(argv: string[], t: T): Promise<number> {
  const { values, positionals } = parseCommand(argv, {});
  if (positionals.length !== 1) throw new UsageError(t('cli.bundle.verifyUsage'));
  const file = path.resolve(positionals[0]);
  const bytes = readFile(file, t);
  const rt = openRuntime(values['data-dir'] as string | undefined, t);
  try {
    let read;
    try {
      read = readBundle(bytes);
      const judge = rt.ctx.db.prepare('SELECT name, public_key FROM judges WHERE key_id = ?').get(read.keyId) as { name: string; public_key: string } | undefined;
      if (!judge) throw new InputProblem(t('cli.bundle.unknownSigner', { fingerprint: fingerprintOf(read.keyId) }));
      verifyBundle(read, publicKeyFromBase64(judge.public_key));
      const info = {
        valid: true,
        signer: judge.name,
        fingerprint: fingerprintOf(read.keyId),
        packageId: read.payload.packageId,
        campaignId: read.payload.campaignId,
        revision: read.payload.revision,
        entries: read.payload.entries.length,
      };
      process.stdout.write(values.json ? `${JSON.stringify(info, null, 2)}\n` : `${t('cli.bundle.valid', info)}\n`);
      return 0;
    } catch (error) {
      if (!isKepuError(error)) throw error;
      const message = translateError(t, error.toBody());
      if (values.json) process.stdout.write(`${JSON.stringify({ valid: false, code: error.code, message }, null, 2)}\n`);
      throw new InputProblem(t('cli.bundle.invalid', { file: path.basename(file), reason: message }));
    }
  } finally {
    rt.close();
  }
}

async function merge(argv: string[], t: T): Promise<number> {
  const { values, positionals } = parseCommand(argv, { campaign: { type: 'string' } });
  if (positionals.length === 0) throw new UsageError(t('cli.bundle.mergeUsage'));
  if (!values.campaign) throw new UsageError(t('cli.missingOption', { option: '--campaign <id>' }));
  const files = positionals.map((p) => ({ fileName: path.basename(p), contentBase64: readFile(path.resolve(p), t).toString('base64') }));
  const rt = openRuntime(values['data-dir'] as string | undefined, t);
  try {
    const report = await rt.call('bundle:merge', { campaignId: values.campaign as string, files });
    if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else {
      for (const f of report.files) {
        const reason = f.error ? translateError(t, { code: f.error.code as never, message: '', params: f.error.params }) : '';
        process.stdout.write(`${t(`cli.bundle.status.${f.status}`)}\t${f.fileName}\t${f.judgeName ?? ''}${f.revision ? ` r${f.revision}` : ''}${reason ? `\t${reason}` : ''}\n`);
      }
      process.stdout.write(`${t('cli.bundle.coverage', report.coverage)}\n`);
      if (report.missingJudges.length) process.stdout.write(`${t('cli.bundle.missingJudges', { names: report.missingJudges.map((j) => j.name).join(', ') })}\n`);
    }
    return report.files.some((f) => f.status === 'rejected') ? 1 : 0;
  } finally {
    rt.close();
  }
}
