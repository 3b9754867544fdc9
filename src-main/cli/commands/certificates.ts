// kepu certificates export --campaign <id> --list <name> --out <dir> [--single|--per-holder|--both]
// kepu certificate verify <code|file.png|file.jpg|file.pdf> [--key issuer.kepukey]
// Export issues (or re-uses) the list's certificates with this installation's key, unlocked with
// the passphrase in the environment variable named by --passphrase-env (default KEPU_PASSPHRASE:
// a passphrase on the command line would end up in shell history and `ps`). Ctrl+C cancels; the
// files already written are complete. Verify exits 0 only for a valid certificate (not for one
// that is invalid, expired, revoked, replaced or dated in the future); with --json its answer
// carries ok and, when not valid, the code CERTIFICATE_NOT_VALID.
import type { i18n } from 'i18next';
import path from 'node:path';
import { certificateLanguages, orientations } from '../../contract/certificates';
import { certificateWording } from '../../app/certificate-handlers';
import { assertNotArchived } from '../../core/campaigns/archive';
import { exportList, type ExportMode } from '../../core/certificates/export';
import { readIssuerCard } from '../../core/certificates/issuers';
import { parseShortCode } from '../../core/certificates/short-code';
import { verifyFile, verifyText } from '../../core/certificates/verify';
import { passphraseFromEnv, unlockWith } from '../passphrase';
import { parseCommand, UsageError } from '../args';
import { CliFailure } from '../failure';
import { readInputFile } from '../input-file';
import { openRuntime } from '../runtime';
import { ttyProgress } from '../tty-progress';
import { interruptOnCtrlC, requireOptions } from '../interrupt';

type T = i18n['t'];

export async function runCertificates(argv: string[], t: T): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'export') return exportCommand(rest, t);
  if (sub === 'verify') return verifyCommand(rest, t);
  throw new UsageError(t('cli.unknownCommand', { command: `certificates ${sub ?? ''}`.trim() }));
}

function choice<C extends string>(value: string | undefined, choices: readonly C[], option: string, t: T): C | undefined {
  if (value === undefined) return undefined;
  if (!(choices as readonly string[]).includes(value)) throw new UsageError(t('cli.certificates.badChoice', { option, choices: choices.join(', '), value }));
  return value as C;
}

async function exportCommand(argv: string[], t: T): Promise<number> {
  const { values, positionals } = parseCommand(argv, {
    campaign: { type: 'string' },
    list: { type: 'string' },
    out: { type: 'string' },
    single: { type: 'boolean' },
    'per-holder': { type: 'boolean' },
    both: { type: 'boolean' },
    language: { type: 'string' },
    orientation: { type: 'string' },
    'passphrase-env': { type: 'string' },
  });
  if (positionals.length) throw new UsageError(t('cli.certificates.exportUsage'));
  requireOptions(values, [['campaign', '--campaign <id>'], ['list', '--list <name>'], ['out', '--out <dir>']] as const, t);
  const modes = (['single', 'per-holder', 'both'] as const).filter((m) => values[m]);
  if (modes.length > 1) throw new UsageError(t('cli.certificates.oneMode'));
  const mode: ExportMode = modes[0] === 'single' ? 'single' : modes[0] === 'per-holder' ? 'perHolder' : 'both';
  const language = choice(values.language as string | undefined, certificateLanguages, '--language', t);
  const orientation = choice(values.orientation as string | undefined, orientations, '--orientation', t);
  const passphrase = passphraseFromEnv(values['passphrase-env'], t);

  const rt = openRuntime(values['data-dir'] as string | undefined, t);
  const interrupt = interruptOnCtrlC();
  try {
    const campaignId = values.campaign as string;
    rt.ctx.campaigns.summary(campaignId); // CAMPAIGN_NOT_FOUND, translated by main
    // Issuing goes to the core directly here (not through the handlers' archive guard).
    assertNotArchived(rt.ctx.db, campaignId);
    unlockWith(rt, passphrase);
    const issuer = { privateKey: rt.ctx.identity.privateKey(), name: rt.ctx.identity.status().name ?? 'Kepu Review' };
    const progress = ttyProgress(t);
    const report = await exportList(rt.ctx.db, {
      campaignId,
      listName: values.list as string,
      outDir: path.resolve(values.out as string),
      mode,
      template: { ...(language ? { language } : {}), ...(orientation ? { orientation } : {}) },
      issuer,
      wording: certificateWording(),
      signal: interrupt.signal,
      onProgress: progress.onProgress,
    });
    progress.end();
    // Cancelled with --json: one object, the failure, with the report of what was written.
    if (report.cancelled && values.json) throw new CliFailure('CANCELLED', t('errors.CANCELLED'), {}, { report });
    if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else {
      process.stdout.write(`${t('cli.certificates.exported', { list: report.listName, certificates: report.certificates, newlyIssued: report.newlyIssued, dir: report.outDir })}\n`);
      for (const file of report.files) process.stdout.write(`  ${path.basename(file)}\n`);
    }
    if (report.cancelled) throw new CliFailure('CANCELLED', t('errors.CANCELLED'));
    return 0;
  } finally {
    interrupt.release();
    rt.close();
  }
}

async function verifyCommand(argv: string[], t: T): Promise<number> {
  const { values, positionals } = parseCommand(argv, { key: { type: 'string' } });
  if (positionals.length !== 1) throw new UsageError(t('cli.certificates.verifyUsage'));
  // --key: an issuer's key card trusted for this check only (nothing is stored).
  const input = positionals[0].trim();
  // A blank argument (e.g. an unset shell variable) is neither a code nor a file.
  if (!input) throw new CliFailure('CERTIFICATE_INPUT_EMPTY', t('errors.CERTIFICATE_INPUT_EMPTY'));
  const unreadable = { code: 'CERTIFICATE_FILE_UNREADABLE' as const };
  const trusted = [];
  if (values.key) trusted.push(readIssuerCard(readInputFile(path.resolve(values.key as string), t, unreadable)).publicKey);
  // A code, a short code or a serial is typed text; anything else names a file.
  const looksLikeCode = /^kp1\./i.test(input) || parseShortCode(input) !== null;
  const bytes = looksLikeCode ? null : readInputFile(path.resolve(input), t, unreadable);
  const rt = openRuntime(values['data-dir'] as string | undefined, t);
  try {
    const result = bytes ? await verifyFile(rt.ctx.db, bytes, { trusted }) : verifyText(rt.ctx.db, input, { trusted });
    const valid = result.status === 'valid';
    if (values.json) {
      const verdict = valid
        ? { ok: true }
        : { ok: false, code: 'CERTIFICATE_NOT_VALID', message: t('errors.CERTIFICATE_NOT_VALID', { status: t(`certificates.state.${result.status}`) }) };
      process.stdout.write(`${JSON.stringify({ ...verdict, ...result }, null, 2)}\n`);
    } else {
      const lines = [t(`certificates.status.${result.status}`)];
      if (result.reason) lines.push(t('cli.certificates.field.reason', { value: t(`certificates.reason.${result.reason}`) }));
      if (result.status === 'not_yet_valid' && result.fields) lines.push(t('certificates.verify.notYetValid', { date: result.fields.issueDate }));
      const f = result.fields;
      if (f) {
        lines.push(t('cli.certificates.field.serial', { value: f.serial }));
        lines.push(t('cli.certificates.field.holder', { value: f.holderName }));
        lines.push(t('cli.certificates.field.kind', { value: f.kind }));
        lines.push(t('cli.certificates.field.campaign', { value: f.campaignId }));
        lines.push(t('cli.certificates.field.issued', { value: f.issueDate }));
        lines.push(f.validUntil ? t('cli.certificates.field.validUntil', { value: f.validUntil }) : t('cli.certificates.field.noExpiry'));
      }
      if (result.register) lines.push(t('cli.certificates.field.award', { value: result.register.body[t('meta.language') === 'zh-CN' ? 'zh-CN' : 'en'] }));
      if (result.issuerName) lines.push(t('cli.certificates.field.issuer', { value: result.issuerFingerprint ? `${result.issuerName} (${result.issuerFingerprint})` : result.issuerName }));
      if (result.checkedBy === 'shortCode' || result.checkedBy === 'serial') lines.push(t(`certificates.verify.checkedBy.${result.checkedBy}`));
      if (result.replacedBy) lines.push(t('cli.certificates.field.replacedBy', { value: result.replacedBy }));
      if (result.revokeReason) lines.push(t('cli.certificates.field.revokeReason', { value: result.revokeReason }));
      if (result.others.length) {
        lines.push(t('cli.certificates.others', { count: result.others.length }));
        for (const o of result.others) lines.push(`  ${o.serial ?? '?'}\t${t(`certificates.status.${o.status}`)}`);
      }
      process.stdout.write(`${lines.join('\n')}\n`);
    }
    return valid ? 0 : 1;
  } finally {
    rt.close();
  }
}
