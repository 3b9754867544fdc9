// Certificate channels: settings and images, the lists of a campaign, preview, export as a
// background job (kind `certificates.export` in jobs.ts, followed and cancelled with job:status and
// job:cancel like every job), the register (reissue, revoke), trusted issuers and
// verification. The work is in core/certificates; this file supplies the issuer key and the
// wording (locale files).
import { createPublicKey } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { i18n } from 'i18next';
import type { CertificateList, Handlers } from '../contract';
import { validCountsByList } from '../core/certificates/certificate-repo';
import type { Wording } from '../core/certificates/content';
import { exportList, previewCertificate } from '../core/certificates/export';
import { getCertificate, type Issuer, listCertificates, reissueCertificate, renewCertificate, revokeCertificate, toRow } from '../core/certificates/issue';
import { certificateList, certificateLists } from '../core/certificates/lists';
import { membershipBoard, waitingMembers } from '../core/certificates/membership-board';
import { getSettings, imageInfos, removeImage, saveSettings, setImage } from '../core/certificates/settings';
import { listIssuers, trustIssuer } from '../core/certificates/issuers';
import { verifyFile, verifyText } from '../core/certificates/verify';
import { KepuError } from '../core/errors';
import type { AppContext } from './context';
import { createNodeI18n } from './translate';

type CertificateChannels =
  | 'certificates:settings' | 'certificates:saveSettings' | 'certificates:setImage' | 'certificates:lists' | 'certificates:preview'
  | 'certificates:export' | 'certificates:jobFile' | 'certificates:issuers' | 'certificates:trustIssuer' | 'certificates:issued' | 'certificates:reissue'
  | 'certificates:revoke' | 'certificates:verify' | 'certificates:renew';

let translators: Record<'zh-CN' | 'en', i18n> | null = null;

/** Certificate wording from the locale files, both languages (a certificate can print both). */
export function certificateWording(): Wording {
  translators ??= { 'zh-CN': createNodeI18n('zh-CN'), en: createNodeI18n('en') };
  const t = translators;
  return (language, key, vars) => t[language].t(key, { ...vars }) as string;
}

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
      return ctx.jobs.start('certificates.export', ({ signal, progress }) =>
          exportList(ctx.db, {
            campaignId,
            listName: list,
            outDir: dir,
            mode,
            template,
            issuer: signer,
            wording,
            signal,
            onProgress: (done, total) => progress({ done, total }),
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
