// A campaign with a row in (nearly) every table a campaign owns: the merged sample, published
// (signed ranking snapshot), certificates issued, one reissued and one revoked, a seal image (a
// BLOB), a saved definition version, ranking settings, a shortlist with a manual addition and the
// judge workspace's preference.
import { certificateWording } from '../../../src-main/app/certificate-handlers';
import { issueList, reissueCertificate, revokeCertificate } from '../../../src-main/core/certificates/issue';
import { saveSettings, setImage } from '../../../src-main/core/certificates/settings';
import { rowText, tableRows } from '../../../src-main/core/campaigns/backup-file';
import { CAMPAIGN_TABLES } from '../../../src-main/core/campaigns/campaign-tables';
import type { Database } from 'better-sqlite3';
import type { ShortlistView } from '../../../src-main/contract';
import { ok, openMergedSample } from '../../helpers';
import { sealPng } from '../../unit/certificates/images';

export const PASSPHRASE = 'archive and restore passphrase';

export async function publishedSample() {
  const app = await openMergedSample();
  const id = app.works.id;
  await ok(app.dispatch('identity:create', { name: '大赛组委会', passphrase: PASSPHRASE }));
  await ok(app.dispatch('ranking:configure', {
    campaignId: id,
    config: { primary: 'mean', methods: ['mean', 'trimmed'], tiers: [{ key: 'influence', label: { 'zh-CN': '影响力作品', en: 'Influential Work' }, by: 'rank', count: 2 }] },
  }));
  const def = app.ctx.campaigns.definition(id);
  await ok(app.dispatch('campaign:updateDefinition', { campaignId: id, definition: { ...def, name: { ...def.name, en: `${def.name.en} (final)` } }, reason: 'final name' }));
  await ok(app.dispatch('ranking:lock', { campaignId: id }));
  // A shortlist to a next round with one entry added by hand (shortlists, lines, adjustments).
  const shortlist = await ok<ShortlistView>(app.dispatch('shortlist:make', { campaignId: id, listKey: 'influence', roundNo: 1, rule: { by: 'top', value: 1 } }));
  const out = shortlist.categories.flatMap((c) => c.lines).find((l) => !l.in)!;
  await ok(app.dispatch('shortlist:adjust', { campaignId: id, listKey: 'influence', roundNo: 1, entryId: out.entryId, action: 'add', reason: 'second look' }));
  const judges = await ok<{ judges: { id: string }[] }>(app.dispatch('judge:list', { campaignId: id }));
  await ok(app.dispatch('judge:activate', { campaignId: id, judgeId: judges.judges[1].id }));
  saveSettings(app.ctx.db, id, { serialPrefix: 'SCKP' });
  setImage(app.ctx.db, id, 'seal', sealPng());
  const issuer = { privateKey: app.ctx.identity.privateKey(), name: '大赛组委会' };
  const wording = certificateWording();
  const influence = issueList(app.ctx.db, id, 'influence', issuer, wording, new Date('2023-12-30T03:00:00Z'));
  issueList(app.ctx.db, id, 'judges', issuer, wording, new Date('2023-12-30T03:00:00Z'));
  reissueCertificate(app.ctx.db, influence.certificates[0].serial, issuer, wording, 'name misspelt', new Date('2024-01-03T03:00:00Z'));
  revokeCertificate(app.ctx.db, influence.certificates[1].serial, 'withdrawn', new Date('2024-01-04T03:00:00Z'));
  return { ...app, id, issuer, wording };
}

/** Every row of the campaign, table by table, as exact text (storage classes kept), sorted. */
export function campaignRows(db: Database, campaignId: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const table of CAMPAIGN_TABLES) out[table.name] = [...tableRows(db, table, campaignId)].map(rowText).sort();
  return out;
}
