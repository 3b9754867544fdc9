// Certificates (issue 7): per-campaign settings, seal and signature images, the lists a locked
// ranking publishes, issuing and exporting them as PDFs (a background job), the register of
// issued certificates (reissue, revoke) and offline verification. The drawing schema is what
// both the PDF writer and the renderer's SVG preview draw, so the preview matches the PDF.
import { z } from 'zod';
import { TypedPath } from './typed-path';
import type { ChannelMap } from './channel-def';
import { LocalizedText } from './basics';
import { ExportFile } from './compliance';
import { ImportSource } from './intake';
import { jobStatus } from './job-status';

const Id = z.string().min(1).max(100);
const CampaignId = z.object({ campaignId: Id });

export const certificateLanguages = ['zh-CN', 'en', 'bilingual'] as const;
export const CertificateLanguage = z.enum(certificateLanguages);
export type CertificateLanguage = z.infer<typeof CertificateLanguage>;

export const orientations = ['landscape', 'portrait'] as const;
export const Orientation = z.enum(orientations);
export type Orientation = z.infer<typeof Orientation>;

/** What a list gives: award certificates (a ranking tier), committee membership, judge thanks. */
export const listTypes = ['award', 'membership', 'appreciation'] as const;
export const ListType = z.enum(listTypes);
export type ListType = z.infer<typeof ListType>;

export const imageRoles = ['seal', 'signature'] as const;
export const ImageRole = z.enum(imageRoles);
export type ImageRole = z.infer<typeof ImageRole>;

/** Serial prefix: upper-case letters and digits, e.g. SCKP → SCKP-2023-000123. */
export const SerialPrefix = z.string().regex(/^[A-Z][A-Z0-9]{0,11}$/, 'upper-case letters and digits, starting with a letter, at most 12');

export const CertificateSettings = z.object({
  serialPrefix: SerialPrefix,
  orientation: Orientation.default('landscape'),
  language: CertificateLanguage.default('bilingual'),
  /** Replaces the printed title ("荣誉证书 / Certificate of Honour") per list type. */
  titles: z.object({ award: LocalizedText.optional(), membership: LocalizedText.optional(), appreciation: LocalizedText.optional() }).default({}),
  /** The line under the seal; null: the campaign's first organizer. */
  signerLine: LocalizedText.nullable().default(null),
});
export type CertificateSettings = z.infer<typeof CertificateSettings>;

export const ImageInfo = z.object({
  role: ImageRole,
  mimeType: z.enum(['image/png', 'image/jpeg']),
  width: z.number().int(),
  height: z.number().int(),
  bytes: z.number().int(),
  sha256: z.string(),
});
export type ImageInfo = z.infer<typeof ImageInfo>;

export const SettingsView = z.object({ settings: CertificateSettings, images: z.array(ImageInfo) });

// ---- the drawing (points, origin top-left, y down; text positioned by baseline) ----

export const DrawText = z.object({
  type: z.literal('text'),
  /** Why it is there (tests and the preview can find an item): 'title', 'holder', 'serial'… */
  role: z.string(),
  weight: z.enum(['regular', 'bold']),
  size: z.number(),
  color: z.string(),
  /** Extra space after every character (PDF Tc, SVG letter-spacing). */
  letterSpacing: z.number(),
  align: z.enum(['left', 'center', 'right']),
  /** Pre-broken lines: x is the left end, y the baseline, width the measured advance. */
  lines: z.array(z.object({ text: z.string(), x: z.number(), y: z.number(), width: z.number() })),
});
export type DrawText = z.infer<typeof DrawText>;

export const DrawRect = z.object({
  type: z.literal('rect'),
  x: z.number(), y: z.number(), w: z.number(), h: z.number(),
  stroke: z.string().nullable(),
  fill: z.string().nullable(),
  lineWidth: z.number(),
});
export const DrawLine = z.object({ type: z.literal('line'), x1: z.number(), y1: z.number(), x2: z.number(), y2: z.number(), color: z.string(), lineWidth: z.number() });
/** An uploaded image, fitted (aspect kept) and centred in the box. */
export const DrawImage = z.object({ type: z.literal('image'), role: ImageRole, x: z.number(), y: z.number(), w: z.number(), h: z.number() });
/** A QR code: `rows` of '0'/'1' (dark) modules, quiet zone not included, drawn into the square box. */
export const DrawQr = z.object({ type: z.literal('qr'), x: z.number(), y: z.number(), size: z.number(), rows: z.array(z.string()), color: z.string() });

export const DrawItem = z.discriminatedUnion('type', [DrawText, DrawRect, DrawLine, DrawImage, DrawQr]);
export type DrawItem = z.infer<typeof DrawItem>;

export const CertificateDrawing = z.object({
  width: z.number(),
  height: z.number(),
  background: z.string(),
  /** The embedded font's family name, for a renderer that draws the text itself. */
  fontFamily: z.string(),
  items: z.array(DrawItem),
});
export type CertificateDrawing = z.infer<typeof CertificateDrawing>;

// ---- lists, certificates, verification ----

export const CertificateList = z.object({
  /** A tier key of the ranking, 'committee' or 'judges'. */
  name: z.string(),
  type: ListType,
  /** The certificate kind of the campaign definition (award, membership, judge_thanks…). */
  kind: z.string(),
  label: LocalizedText,
  holders: z.number().int(),
  issued: z.number().int(),
  /** Holders a membership certificate waits for (steps not done); 0 for other lists. */
  waiting: z.number().int().default(0),
  validityMonths: z.number().int().nullable(),
});
export type CertificateList = z.infer<typeof CertificateList>;

export const certificateStatuses = ['valid', 'revoked', 'replaced'] as const;

export const CertificateRow = z.object({
  serial: z.string(),
  campaignId: z.string(),
  listName: z.string(),
  kind: z.string(),
  subject: z.string(),
  holderName: z.string(),
  holderUnit: z.string().nullable(),
  issueDate: z.string(),
  validUntil: z.string().nullable(),
  status: z.enum(certificateStatuses),
  replacedBy: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
  payload: z.string(),
  /** The printed check code ("K7QM3-XRD2P") that, with the serial, is typed to verify. */
  check: z.string(),
});
export type CertificateRow = z.infer<typeof CertificateRow>;

/** not_yet_valid: signed and registered, but dated after today (a forged date or a wrong clock). */
export const verifyStatuses = ['valid', 'invalid', 'expired', 'revoked', 'replaced', 'not_yet_valid'] as const;
export const VerifyStatus = z.enum(verifyStatuses);
export type VerifyStatus = z.infer<typeof VerifyStatus>;

export const VerifyResult = z.object({
  status: VerifyStatus,
  /**
   * Why invalid: malformed, bad_signature, unknown_issuer, not_found (no code in the file),
   * not_registered (a typed serial this computer's register does not hold), bad_check (the typed
   * check does not belong to that serial: mistyped or altered).
   */
  reason: z.enum(['malformed', 'bad_signature', 'unknown_issuer', 'not_found', 'not_registered', 'bad_check']).nullable(),
  /**
   * What was checked: the full signed code (QR, PDF, pasted code: proves it anywhere), a short
   * code (serial + check, against this computer's register), or a bare serial (the register only).
   */
  checkedBy: z.enum(['code', 'shortCode', 'serial']).nullable().default(null),
  fields: z
    .object({
      serial: z.string(),
      holderName: z.string(),
      kind: z.string(),
      campaignId: z.string(),
      issueDate: z.string(),
      validUntil: z.string().nullable(),
      issuerKeyPrefix: z.string(),
    })
    .nullable(),
  issuerName: z.string().nullable(),
  /** The issuer's fingerprint, as Settings shows this installation's own ("K7QX-3MPA-…"). */
  issuerFingerprint: z.string().nullable().default(null),
  /** What the register of this computer recorded at issue: the list, the unit and the printed award sentence. */
  register: z.object({ listName: z.string(), holderUnit: z.string().nullable(), body: LocalizedText }).nullable().default(null),
  /** The list's label (award tier, committee…), when the campaign is in this database. */
  listLabel: LocalizedText.nullable().default(null),
  /** The certificate kind's label and the campaign's name, when the campaign is in this database. */
  kindLabel: LocalizedText.nullable().default(null),
  campaignName: LocalizedText.nullable().default(null),
  replacedBy: z.string().nullable(),
  revokeReason: z.string().nullable(),
  /** Every payload found in the file (a batch PDF holds one per page); each checked. */
  others: z.array(z.object({ serial: z.string().nullable(), status: VerifyStatus })),
});
export type VerifyResult = z.infer<typeof VerifyResult>;

export const TrustedIssuer = z.object({ keyId: z.string(), fingerprint: z.string(), name: z.string(), addedAt: z.string() });
export type TrustedIssuer = z.infer<typeof TrustedIssuer>;

export const exportModes = ['single', 'perHolder', 'both'] as const;
export const ExportMode = z.enum(exportModes);

export const CertificateExportReport = z.object({
  listName: z.string(),
  certificates: z.number().int(),
  newlyIssued: z.number().int(),
  /** Members left out: their membership steps are not all done (the certificates tab says which). */
  waiting: z.number().int().default(0),
  files: z.array(z.string()),
  outDir: z.string(),
  cancelled: z.boolean(),
});
export type CertificateExportReport = z.infer<typeof CertificateExportReport>;

/** Exporting a list's certificates as PDFs (`certificates:export`, followed with `job:status`). */
export const CertificateJob = jobStatus('certificates.export', z.object({ done: z.number().int(), total: z.number().int() }), CertificateExportReport);
export type CertificateJob = z.infer<typeof CertificateJob>;

const TemplateOverride = z.object({ orientation: Orientation.optional(), language: CertificateLanguage.optional() }).strict();

export const certificateChannels = {
  'certificates:settings': { request: CampaignId.strict(), response: SettingsView },
  'certificates:saveSettings': {
    request: CampaignId.extend({ settings: CertificateSettings.partial() }).strict(),
    response: SettingsView,
  },
  /** A PNG or JPEG (≤ 5 MB), inline; `remove: true` deletes the image. */
  'certificates:setImage': {
    request: CampaignId.extend({ role: ImageRole, image: ImportSource.optional(), path: TypedPath.optional(), remove: z.boolean().default(false) }).strict(),
    response: SettingsView,
  },
  'certificates:lists': { request: CampaignId.strict(), response: z.array(CertificateList) },
  /**
   * The drawing of one holder's certificate, not issued: by subject, else by position in the list
   * (`index`, 0-based, clamped to the list), the first when neither; `holder` says where it is.
   */
  'certificates:preview': {
    request: CampaignId.extend({ list: Id, subject: z.string().max(200).optional(), index: z.number().int().min(0).optional(), template: TemplateOverride.default({}) }).strict(),
    response: z.object({
      drawing: CertificateDrawing,
      images: z.object({ seal: z.string().nullable(), signature: z.string().nullable() }),
      holder: z.object({ index: z.number().int(), total: z.number().int(), name: z.string() }),
    }),
  },
  'certificates:export': {
    request: CampaignId.extend({ list: Id, outDir: TypedPath.optional(), mode: ExportMode.default('both'), template: TemplateOverride.default({}) }).strict(),
    response: CertificateJob,
  },
  /** One of the files a finished export job wrote (to print it); nothing else can be read this way. */
  'certificates:jobFile': { request: z.object({ jobId: Id, file: z.string().min(1).max(4096) }).strict(), response: ExportFile },
  'certificates:issued': {
    request: CampaignId.extend({
      list: z.string().max(100).optional(),
      status: z.enum(certificateStatuses).optional(),
      query: z.string().trim().max(200).optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }).strict(),
    response: z.object({ total: z.number().int(), rows: z.array(CertificateRow) }),
  },
  'certificates:reissue': { request: z.object({ serial: z.string().min(1).max(100), reason: z.string().trim().max(500).optional() }).strict(), response: CertificateRow },
  /** A committee member's next term: a new certificate that names the one it renews (the old one expires on its date). */
  'certificates:renew': { request: z.object({ serial: z.string().min(1).max(100) }).strict(), response: CertificateRow },
  'certificates:revoke': { request: z.object({ serial: z.string().min(1).max(100), reason: z.string().trim().min(1).max(500) }).strict(), response: CertificateRow },
  /** Issuers trusted for verification (this installation's own key, key cards imported). */
  'certificates:issuers': { request: z.object({}).strict(), response: z.array(TrustedIssuer) },
  'certificates:trustIssuer': { request: z.object({ card: ImportSource }).strict(), response: TrustedIssuer },
  /** A pasted code, or a PNG/JPEG photo or our PDF. */
  'certificates:verify': {
    request: z.object({ text: z.string().max(20_000).optional(), file: ImportSource.optional() }).strict().refine((r) => Boolean(r.text) !== Boolean(r.file), { message: 'give either text or file' }),
    response: VerifyResult,
  },
} as const satisfies ChannelMap;
