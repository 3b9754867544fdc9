// Certificate channels: settings and images, the lists of a campaign, preview, export as a
// background job on a worker thread (kind `certificates.export` in jobs.ts, followed and cancelled
// with job:status and job:cancel like every job; the work in certificate-export-job.ts), the register (reissue, revoke), trusted issuers and
// verification. The work is in core/certificates; this file supplies the issuer key and the
// wording (locale files).
import { createPublicKey } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { CertificateList, Handlers } from '../contract';
import { validCountsByList } from '../core/certificates/certificate-repo';
import type { Wording } from '../core/certificates/content';
import { previewCertificate } from '../core/certificates/export';
import { getCertificate, type Issuer, listCertificates, reissueCertificate, renewCertificate, revokeCertificate, toRow } from '../core/certificates/issue';
import { certificateList, certificateLists } from '../core/certificates/lists';
import { membershipBoard, waitingMembers } from '../core/certificates/membership-board';
import { getSettings, imageInfos, removeImage, saveSettings, setImage } from '../core/certificates/settings';
import { listIssuers, trustIssuer } from '../core/certificates/issuers';
import { verifyFile, verifyText } from '../core/certificates/verify';
import { KepuError } from '../core/errors';
import type { AppContext } from './context';
import { certificateWording } from './certificate-wording';
import type { CertificateExportArgs } from './certificate-export-job';
import { runInWorker } from './worker-runner';

type CertificateChannels =
  | 'certificates:settings' | 'certificates:saveSettings' | 'certificates:setImage' | 'certificates:lists' | 'certificates:preview'
  | 'certificates:export' | 'certificates:jobFile' | 'certificates:issuers' | 'certificates:trustIssuer' | 'certificates:issued' | 'certificates:reissue'
  | 'certificates:revoke' | 'certificates:verify' | 'certificates:renew';

/** Certificate wording from the locale files (certificate-wording.ts; kept here for its many importers). */
export { certificateWording };

/** Output folders an export of this process is writing into: another export there must not sweep its temporary files. */
const exportingInto = new Map<string, number>();

function issuer(ctx: AppContext): Issuer {
  const privateKey = ctx.identity.privateKey(); // KEY_NOT_FOUND / KEY_LOCKED before any work starts
  return { privateKey, name: ctx.identity.status().name ?? 'Kepu Review' };
}

function settingsView(ctx: AppContext, campaignId: string) {
  return { settings: getSettings(ctx.db, campaignId), images: imageInfos(ctx.db, campaignId) };
}

export function certificateHandlers(ctx: AppContext): Pick<Handlers, CertificateChannels> {
  const wording = certificateWording();
  return {
    'certificates:settings': ({ campaignId }) => settingsView(ctx, campaignId),
    'certificates:saveSettings': ({ campaignId, settings }) => {
      saveSettings(ctx.db, campaignId, settings);
      return settingsView(ctx, campaignId);
    },
    'certificates:setImage': ({ campaignId, role, image, path: file, remove }) => {
      if (remove) removeImage(ctx.db, campaignId, role);
      else {
        let bytes: Buffer;
        if (image) bytes = Buffer.from(image.contentBase64, 'base64');
        else if (file) {
          ctx.protectedFiles.assertNotProtected(file);
          try {
            bytes = fs.readFileSync(path.resolve(file));
          } catch {
            throw new KepuError('CERTIFICATE_FILE_UNREADABLE', `certificates: cannot read ${file}`, { file });
          }
        } else throw new KepuError('INVALID_REQUEST', 'certificates: give an image, a path or remove', { path: 'image', detail: 'missing' });
        setImage(ctx.db, campaignId, role, bytes);
      }
      return settingsView(ctx, campaignId);
    },
    'certificates:lists': ({ campaignId }) => {
      const count = validCountsByList(ctx.db, campaignId);
      const lists = certificateLists(ctx.db, campaignId, wording);
      const waiting = lists.some((l) => l.type === 'membership') ? waitingMembers(membershipBoard(ctx.db, campaignId, wording)) : 0;
      return lists.map(
        (l): CertificateList => ({
          name: l.name,
          type: l.type,
          kind: l.kind,
          label: l.label,
          holders: l.holders.length,
          issued: count.get(l.name) ?? 0,
          waiting: l.type === 'membership' ? waiting : 0,
          validityMonths: l.validityMonths,
        }),
      );
    },
    'certificates:preview': ({ campaignId, list, subject, index, template }) => previewCertificate(ctx.db, campaignId, list, { subject, index }, wording, template),
    'certificates:export': ({ campaignId, list, outDir, mode, template }) => {
      const signer = issuer(ctx);
      certificateList(ctx.db, campaignId, list, wording); // unknown list or no ranking: fail now, not in the job
      const dir = outDir ? path.resolve(outDir) : path.join(ctx.dataDir, 'exports', 'certificates', campaignId);
      // On a worker thread with its own writable connection (certificate-export-job.ts): the main
      // process keeps answering the window while a thousand certificates are drawn.
      const args: CertificateExportArgs = {
        campaignId,
        list,
        outDir: dir,
        mode,
        template,
        issuerKey: signer.privateKey.export({ format: 'der', type: 'pkcs8' }),
        issuerName: signer.name,
        sweep: !exportingInto.has(dir),
        now: new Date().toISOString(),
      };
      const cancelled = { listName: list, certificates: 0, newlyIssued: 0, waiting: 0, files: [], outDir: dir, cancelled: true };
      exportingInto.set(dir, (exportingInto.get(dir) ?? 0) + 1);
      return ctx.jobs.start('certificates.export', (control) =>
        runInWorker(ctx, { module: 'certificate-export', export: 'exportCertificatesJob', args, writable: true }, control, cancelled).finally(() => {
          const left = (exportingInto.get(dir) ?? 1) - 1;
          if (left > 0) exportingInto.set(dir, left);
          else exportingInto.delete(dir);
        }),
      );
    },
    'certificates:jobFile': ({ jobId, file }) => {
      const result = ctx.jobs.statusOf('certificates.export', jobId).result;
      if (!result || !result.files.includes(file)) throw new KepuError('NOT_FOUND', `certificates: job ${jobId} wrote no file ${file}`);
      return { fileName: path.basename(file), mimeType: 'application/pdf', contentBase64: fs.readFileSync(file).toString('base64'), savedTo: file };
    },
    'certificates:issuers': () => listIssuers(ctx.db),
    'certificates:trustIssuer': ({ card }) => trustIssuer(ctx.db, Buffer.from(card.contentBase64, 'base64')),
    'certificates:issued': ({ campaignId, list, status, query, offset, limit }) => {
      getSettings(ctx.db, campaignId); // CAMPAIGN_NOT_FOUND
      return listCertificates(ctx.db, campaignId, { list, status, query }, offset, limit);
    },
    'certificates:reissue': ({ serial, reason }) => {
      getCertificate(ctx.db, serial);
      return toRow(reissueCertificate(ctx.db, serial, issuer(ctx), wording, reason ?? null));
    },
    'certificates:renew': ({ serial }) => {
      getCertificate(ctx.db, serial); // CERTIFICATE_NOT_FOUND before the key is asked for
      return toRow(renewCertificate(ctx.db, serial, issuer(ctx), wording));
    },
    'certificates:revoke': ({ serial, reason }) => toRow(revokeCertificate(ctx.db, serial, reason)),
    'certificates:verify': async ({ text, file }) => {
      const trusted = [];
      try {
        trusted.push(createPublicKey(ctx.identity.privateKey()));
      } catch {
        // No key or locked: the issuers recorded in the database still count.
      }
      const result = file ? await verifyFile(ctx.db, Buffer.from(file.contentBase64, 'base64'), { trusted }) : verifyText(ctx.db, text ?? '', { trusted });
      return { ...result, ...describeCampaign(ctx, result.fields), listLabel: listLabelOf(ctx, wording, result) };
    },
  };
}

/** The label of the list the register says the certificate belongs to (award tier, committee…). */
function listLabelOf(ctx: AppContext, wording: Wording, result: { fields: { campaignId: string } | null; register: { listName: string } | null }) {
  if (!result.fields || !result.register) return null;
  try {
    return certificateLists(ctx.db, result.fields.campaignId, wording).find((l) => l.name === result.register?.listName)?.label ?? null;
  } catch {
    // The list's ranking is gone or the campaign changed since: the printed award sentence still shows.
    return null;
  }
}

/** The kind's label and campaign name for the verify screen, when the campaign is known here. */
function describeCampaign(ctx: AppContext, fields: { campaignId: string; kind: string } | null) {
  if (!fields) return { kindLabel: null, campaignName: null };
  try {
    const def = ctx.campaigns.definition(fields.campaignId);
    return { kindLabel: def.certificates.find((c) => c.key === fields.kind)?.label ?? null, campaignName: def.name };
  } catch {
    return { kindLabel: null, campaignName: null };
  }
}
