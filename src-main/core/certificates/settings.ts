// Per-campaign certificate settings and the uploaded seal and signature images. Settings are
// stored as validated JSON (one row per campaign, defaults until saved); images are kept as the
// uploaded bytes after checking they really are a PNG or JPEG of sensible size, so the PDF
// writer never meets a file it cannot embed.
import type { Database } from 'better-sqlite3';
import crypto from 'node:crypto';
import { CertificateSettings, type ImageInfo, type ImageRole } from '../../contract/certificates';
import { KepuError } from '../errors';
import { nowIso } from '../time';
import { decodeImage, isJpeg, isPng } from './pdf-writer';

/** A row of certificate_images as the info query selects it (`size` is length(bytes)). */
interface DbImageInfo {
  role: ImageRole;
  mime_type: 'image/png' | 'image/jpeg';
  width: number;
  height: number;
  size: number;
  sha256: string;
}
/** A row of certificate_images with its bytes. */
interface DbImage {
  role: ImageRole;
  mime_type: string;
  width: number;
  height: number;
  bytes: Buffer;
}

export const MAX_IMAGE_BYTES = 5_000_000;
const MAX_IMAGE_SIDE = 4000;

/** SI + KP for "sichuan-influence-2023": initials of the template id's words, then KP (科普). */
export function defaultPrefix(templateId: string): string {
  const initials = templateId
    .split(/[^a-zA-Z]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase())
    .join('')
    .slice(0, 4);
  return `${initials}KP`.replace(/^[^A-Z]+/, '') || 'KP';
}

export function getSettings(db: Database, campaignId: string): CertificateSettings {
  const row = db.prepare('SELECT settings_json FROM certificate_settings WHERE campaign_id = ?').pluck().get(campaignId) as string | undefined;
  if (row) return CertificateSettings.parse(JSON.parse(row));
  const campaign = db.prepare('SELECT template_id FROM campaigns WHERE id = ?').pluck().get(campaignId) as string | undefined;
  if (campaign === undefined) throw new KepuError('CAMPAIGN_NOT_FOUND', `certificates: no campaign ${campaignId}`, { campaignId });
  return CertificateSettings.parse({ serialPrefix: defaultPrefix(campaign) });
}

export function saveSettings(db: Database, campaignId: string, patch: Partial<CertificateSettings>): CertificateSettings {
  const merged = CertificateSettings.parse({ ...getSettings(db, campaignId), ...patch });
  db.prepare(
    `INSERT INTO certificate_settings (campaign_id, settings_json, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (campaign_id) DO UPDATE SET settings_json = excluded.settings_json, updated_at = excluded.updated_at`,
  ).run(campaignId, JSON.stringify(merged), nowIso());
  return merged;
}

/** Checks and stores a seal or signature image; CERTIFICATE_IMAGE_INVALID says why not. */
export function setImage(db: Database, campaignId: string, role: ImageRole, bytes: Buffer): ImageInfo {
  getSettings(db, campaignId); // CAMPAIGN_NOT_FOUND
  const invalid = (reason: string) => new KepuError('CERTIFICATE_IMAGE_INVALID', `certificates: ${role} image: ${reason}`, { role, reason });
  if (bytes.length > MAX_IMAGE_BYTES) throw invalid(`larger than ${MAX_IMAGE_BYTES / 1_000_000} MB`);
  const mimeType = isPng(bytes) ? 'image/png' : isJpeg(bytes) ? 'image/jpeg' : null;
  if (!mimeType) throw invalid('not a PNG or JPEG file');
  const decoded = decodeImage(bytes);
  if (!decoded || decoded.width < 16 || decoded.height < 16) throw invalid('unreadable or smaller than 16 × 16 pixels');
  if (decoded.width > MAX_IMAGE_SIDE || decoded.height > MAX_IMAGE_SIDE) throw invalid(`wider or taller than ${MAX_IMAGE_SIDE} pixels`);
  const info: ImageInfo = {
    role,
    mimeType,
    width: decoded.width,
    height: decoded.height,
    bytes: bytes.length,
    sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
  };
  db.prepare(
    `INSERT INTO certificate_images (campaign_id, role, mime_type, width, height, bytes, sha256, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (campaign_id, role) DO UPDATE SET mime_type = excluded.mime_type, width = excluded.width, height = excluded.height,
       bytes = excluded.bytes, sha256 = excluded.sha256, uploaded_at = excluded.uploaded_at`,
  ).run(campaignId, role, mimeType, info.width, info.height, bytes, info.sha256, nowIso());
  return info;
}

export function removeImage(db: Database, campaignId: string, role: ImageRole): void {
  db.prepare('DELETE FROM certificate_images WHERE campaign_id = ? AND role = ?').run(campaignId, role);
}

export function imageInfos(db: Database, campaignId: string): ImageInfo[] {
  const rows = db
    .prepare<[string], DbImageInfo>('SELECT role, mime_type, width, height, length(bytes) AS size, sha256 FROM certificate_images WHERE campaign_id = ? ORDER BY role')
    .all(campaignId);
  return rows.map((r) => ({ role: r.role, mimeType: r.mime_type, width: r.width, height: r.height, bytes: r.size, sha256: r.sha256 }));
}

export interface LoadedImage {
  bytes: Buffer;
  mimeType: string;
  width: number;
  height: number;
}

export function loadImages(db: Database, campaignId: string): Partial<Record<ImageRole, LoadedImage>> {
  const rows = db.prepare<[string], DbImage>('SELECT role, mime_type, width, height, bytes FROM certificate_images WHERE campaign_id = ?').all(campaignId);
  return Object.fromEntries(rows.map((r) => [r.role, { bytes: r.bytes, mimeType: r.mime_type, width: r.width, height: r.height }]));
}
