// Audit rows in words: the action translated (its name with dots made a key: campaign.create →
// audit.actions.campaign_create; an action this version does not know is shown as "other"), and
// the recorded details as short "what: value" pairs, counts and names first, long hashes and
// internal ids left to the CSV export.
import type { TFunction } from 'i18next';
import type { AuditRow } from '../../../../src-main/contract';

export function actionText(t: TFunction, action: string): string {
  const key = `audit.actions.${action.replace(/\./g, '_')}`;
  const text = t(key);
  return text === key ? t('audit.actions.other') : text;
}

/** Details whose values a person reads; ids, hashes and signatures stay in the export. */
const HIDDEN = /(^|_)(id|ids|sha256|hash|signature|keyId|publicKey|snapshotId|fileId|auditHead)$|Id$|Sha256$/;

export function detailsText(t: TFunction, row: AuditRow, campaignId: string, lang: string): string {
  const parts: string[] = [];
  if (row.subject && row.subject !== campaignId && !/^[a-z]+-[0-9a-f-]{6,}$/i.test(row.subject)) parts.push(row.subject);
  for (const [key, value] of Object.entries(row.details)) {
    if (HIDDEN.test(key) || value === null || value === undefined || value === '') continue;
    const label = t(`audit.fields.${key}`, { defaultValue: '' });
    if (!label) continue;
    const text = shown(value, lang);
    if (text) parts.push(t('common.labelled', { label, value: text }));
  }
  return parts.join(lang === 'zh-CN' ? '；' : '; ') || '—';
}

function shown(value: unknown, lang: string): string {
  if (Array.isArray(value)) return String(value.length);
  if (typeof value === 'object') return '';
  if (typeof value === 'boolean') return lang === 'zh-CN' ? (value ? '是' : '否') : value ? 'yes' : 'no';
  return String(value).slice(0, 80);
}
