// Levels (issue 14): a shortlist file made in one data folder (the merged sample, shortlisted top
// 30 %) imported into a campaign of another data folder, on real SQLite files. The imported entries
// equal the shortlisted ones (fields, media references, origin); a changed byte, the same file
// twice, another kind of file and a target lacking the kind are refused with their own codes and
// store nothing. The sample's scores differ per data folder: the test compares with what it reads.
import { describe, expect, it } from 'vitest';
import type { AuditPage, CampaignSummary, EntryDetail, ExportFile, ShortlistFilePreview, ShortlistImportResult, ShortlistView } from '../../../src-main/contract';
import crypto from 'node:crypto';
import path from 'node:path';
import type { MediaLinkJob } from '../../../src-main/contract';
import { encodeEnvelope, signEnvelope } from '../../../src-main/core/exchange/dsse';
import { canonicalJsonBytes } from '../../../src-main/core/files/canonical-json';
import { SHORTLIST_PAYLOAD_TYPE } from '../../../src-main/core/shortlist/shortlist-file';
import { finishedJob, ok, openMergedSample, openTestApp } from '../../helpers';

type App = ReturnType<typeof openTestApp>;
const entryCount = (app: App, campaignId: string) => app.ctx.db.prepare('SELECT count(*) FROM entries WHERE campaign_id = ?').pluck().get(campaignId) as number;
const originCount = (app: App) => app.ctx.db.prepare('SELECT count(*) FROM entry_origins').pluck().get() as number;

async function exportedFile() {
  const origin = await openMergedSample();
  const campaignId = origin.works.id;
  const key = { campaignId, listKey: 'influence', roundNo: 1 };
  expect(await origin.dispatch('shortlist:exportFile', key)).toMatchObject({ ok: false, error: { code: 'SHORTLIST_NOT_MADE' } });
  const made = await ok<ShortlistView>(origin.dispatch('shortlist:make', { ...key, rule: { by: 'percent', value: 30 } }));
  expect(await origin.dispatch('shortlist:exportFile', key)).toMatchObject({ ok: false, error: { code: 'KEY_NOT_FOUND' } });
  await ok(origin.dispatch('identity:create', { name: '四川省卫生健康委员会', institution: '四川省科普中心', passphrase: 'correct horse battery' }));
  const file = await ok<ExportFile & { entries: number }>(origin.dispatch('shortlist:exportFile', key));
  const inLines = made.categories.flatMap((c) => c.lines).filter((l) => l.in);
  expect(file.entries).toBe(inLines.length);
  expect(file.fileName.endsWith('.kepulist')).toBe(true);
  return { origin, campaignId, made, inLines, file, bytes: Buffer.from(file.contentBase64, 'base64') };
}

async function targetCampaign() {
  const target = openTestApp();
  const campaign = await ok<CampaignSummary>(target.dispatch('campaign:create', { templateId: 'sichuan-influence-2023', name: { 'zh-CN': '全国总决赛', en: 'National final' } }));
  return { target, targetId: campaign.id };
}

describe('shortlist file (levels)', () => {
  it('round-trips a made shortlist into another data folder: entries, fields, media references and origins equal', async () => {
    const { origin, campaignId, inLines, file, bytes } = await exportedFile();
    const { target, targetId } = await targetCampaign();
    const source = { fileName: file.fileName, contentBase64: file.contentBase64 };

    const preview = await ok<ShortlistFilePreview>(target.dispatch('shortlist:inspectFile', { campaignId: targetId, file: source }));
    expect(preview.entries).toBe(inLines.length);
    expect(preview.origin.organiser).toBe('四川省卫生健康委员会');
    expect(preview.signer.fingerprint).toBe(origin.ctx.identity.status().fingerprint);
    expect(preview.perCategory.reduce((n, c) => n + c.count, 0)).toBe(inLines.length);
    expect(preview.missing).toEqual([]);
    expect(preview.alreadyImportedAt).toBeNull();
    expect(entryCount(target, targetId)).toBe(0); // inspecting stores nothing

    const result = await ok<ShortlistImportResult>(target.dispatch('shortlist:importFile', { campaignId: targetId, file: source }));
    expect(result.imported).toBe(inLines.length);
    expect(entryCount(target, targetId)).toBe(inLines.length);
    // The entry list filters by origin; the campaign counts the imported entries.
    expect((await ok<{ total: number }>(target.dispatch('entry:list', { campaignId: targetId, filter: { imported: true } }))).total).toBe(inLines.length);
    expect((await ok<{ total: number }>(target.dispatch('entry:list', { campaignId: targetId, filter: { imported: false } }))).total).toBe(0);
    expect((await ok<{ counts: { imported: number } }>(target.dispatch('campaign:get', { campaignId: targetId }))).counts.imported).toBe(inLines.length);
    for (const line of inLines) {
      const was = await ok<EntryDetail>(origin.dispatch('entry:get', { entryId: line.entryId }));
      const imported = result.entries.find((e) => e.regNo === was.regNo)!;
      const now = await ok<EntryDetail>(target.dispatch('entry:get', { entryId: imported.entryId }));
      expect([now.regNo, now.kind, now.category, now.title, now.entrantName, now.entrantType, now.entrantUnit, now.fields]).toEqual([
        was.regNo, was.kind, was.category, was.title, was.entrantName, was.entrantType, was.entrantUnit, was.fields,
      ]);
      expect(now.assets).toEqual([]); // media are referenced, linked later
      expect(now.origin).toMatchObject({
        campaignName: origin.works.name,
        organiser: '四川省卫生健康委员会',
        institution: '四川省科普中心',
        originRegNo: was.regNo,
        roundNo: 1,
        place: line.place,
        total: line.total,
        signerFingerprint: preview.signer.fingerprint,
        fileSha256: preview.sha256,
      });
      expect(now.origin!.media).toEqual(was.assets.map((a) => ({ role: a.role, fileName: a.fileName, sha256: a.sha256, sizeBytes: a.sizeBytes })));
    }
    // The works, linked later from the province's media folder: by the kept numbers in their paths,
    // and the shared files (no number in their names) by the hashes the file carried.
    const originAssets = origin.ctx.db.prepare('SELECT path FROM assets a JOIN entries e ON e.id = a.entry_id WHERE e.campaign_id = ?').pluck().all(campaignId) as string[];
    expect(originAssets.length).toBeGreaterThan(0);
    const folder = path.join(origin.dataDir, 'media', 'sample');
    await finishedJob(target.dispatch, await ok<MediaLinkJob>(target.dispatch('media:link', { campaignId: targetId, folder })));
    let compared = 0;
    for (const imported of result.entries) {
      const now = await ok<EntryDetail>(target.dispatch('entry:get', { entryId: imported.entryId }));
      for (const m of now.origin!.media) {
        expect(now.assets.find((a) => a.sha256 === m.sha256)?.sizeBytes, `${now.regNo} ${m.fileName}`).toBe(m.sizeBytes);
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(0);
    const audit = await ok<AuditPage>(target.dispatch('audit:list', { campaignId: targetId, offset: 0, limit: 50 }));
    expect(audit.rows.map((r) => r.action)).toContain('shortlist.importFile');
    const exportAudit = await ok<AuditPage>(origin.dispatch('audit:list', { campaignId, offset: 0, limit: 50 }));
    expect(exportAudit.rows.map((r) => r.action)).toContain('shortlist.exportFile');

    // The same file twice: refused, nothing more stored.
    expect((await ok<ShortlistFilePreview>(target.dispatch('shortlist:inspectFile', { campaignId: targetId, file: source }))).alreadyImportedAt).not.toBeNull();
    expect(await target.dispatch('shortlist:importFile', { campaignId: targetId, file: source })).toMatchObject({ ok: false, error: { code: 'SHORTLIST_FILE_DUPLICATE', params: { file: file.fileName } } });
    expect(entryCount(target, targetId)).toBe(inLines.length);
    expect(bytes.length).toBeGreaterThan(0);
  });

  it('refuses a changed byte, another kind of file, and a target lacking the kind or holding the number; nothing stored', async () => {
    const { origin, bytes, file } = await exportedFile();
    const { target, targetId } = await targetCampaign();
    const send = (b: Buffer, fileName = file.fileName) => target.dispatch('shortlist:importFile', { campaignId: targetId, file: { fileName, contentBase64: b.toString('base64') } });

    // One byte inside the signed payload changed (a base64 letter swapped for another).
    const text = bytes.toString('utf8');
    const at = text.indexOf('"payload":"') + 200;
    const swapped = Buffer.from(text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1), 'utf8');
    const changed = await send(swapped);
    expect(changed).toMatchObject({ ok: false });
    expect(['SHORTLIST_FILE_SIGNATURE_INVALID', 'SHORTLIST_FILE_MALFORMED', 'SHORTLIST_FILE_NOT_CANONICAL']).toContain((changed as { error: { code: string } }).error.code);
    // The signature itself changed: the signature fails.
    const sigAt = text.indexOf('"sig":"') + 10;
    const badSig = Buffer.from(text.slice(0, sigAt) + (text[sigAt] === 'A' ? 'B' : 'A') + text.slice(sigAt + 1), 'utf8');
    expect(await send(badSig)).toMatchObject({ ok: false, error: { code: 'SHORTLIST_FILE_SIGNATURE_INVALID', params: { file: file.fileName } } });
    // A space added: not the canonical form.
    expect(await send(Buffer.concat([bytes, Buffer.from(' ')]))).toMatchObject({ ok: false, error: { code: 'SHORTLIST_FILE_MALFORMED' } });
    // Another kind of signed file: the coordinator's key card.
    const card = await ok<ExportFile>(origin.dispatch('identity:keycard', {}));
    expect(await send(Buffer.from(card.contentBase64, 'base64'), 'me.kepukey')).toMatchObject({ ok: false, error: { code: 'SHORTLIST_FILE_WRONG_KIND', params: { file: 'me.kepukey' } } });
    expect(entryCount(target, targetId)).toBe(0);
    expect(originCount(target)).toBe(0);

    // A signed file of a newer version, and one of another kind inside the right envelope type.
    const key = origin.ctx.identity.privateKey();
    const keyId = origin.ctx.identity.keyId();
    const payload = JSON.parse(Buffer.from(JSON.parse(text).payload, 'base64').toString('utf8')) as Record<string, unknown>;
    const resign = (p: Record<string, unknown>) => encodeEnvelope(signEnvelope(SHORTLIST_PAYLOAD_TYPE, canonicalJsonBytes(p), key, keyId));
    expect(await send(resign({ ...payload, v: 2 }), 'newer.kepulist')).toMatchObject({ ok: false, error: { code: 'SHORTLIST_FILE_VERSION', params: { file: 'newer.kepulist', version: '2' } } });
    expect(await send(resign({ ...payload, kind: 'kepu.bundle' }))).toMatchObject({ ok: false, error: { code: 'SHORTLIST_FILE_WRONG_KIND' } });
    // Signed by another key than the one the file names: the signature fails.
    const stranger = crypto.generateKeyPairSync('ed25519').privateKey;
    expect(await send(encodeEnvelope(signEnvelope(SHORTLIST_PAYLOAD_TYPE, canonicalJsonBytes(payload), stranger, keyId)))).toMatchObject({ ok: false, error: { code: 'SHORTLIST_FILE_SIGNATURE_INVALID' } });
    expect(entryCount(target, targetId)).toBe(0);

    // A target whose only kind is another: the first row is named.
    const def = target.ctx.campaigns.definition(targetId);
    const first = JSON.parse(Buffer.from(JSON.parse(text).payload, 'base64').toString('utf8')).entries[0] as { regNo: string; kind: string };
    target.ctx.db.prepare('UPDATE campaigns SET definition_json = ? WHERE id = ?').run(JSON.stringify({ ...def, entryKinds: def.entryKinds.filter((k) => k.kind !== first.kind) }), targetId);
    expect(await send(bytes)).toMatchObject({ ok: false, error: { code: 'SHORTLIST_FILE_KIND_MISSING', params: { regNo: first.regNo, kind: first.kind } } });
    target.ctx.db.prepare('UPDATE campaigns SET definition_json = ? WHERE id = ?').run(JSON.stringify(def), targetId);
    expect(entryCount(target, targetId)).toBe(0);

    // A number the target already has: refused, the row named.
    target.ctx.entries.insertMany(targetId, '2099-01-01T00:00:00.000Z', [
      { regNo: first.regNo, kind: 'work', category: null, title: 't', entrantType: 'unit', entrantName: 'u', entrantUnit: null, contactPhone: null, contactEmail: null, reason: null, fields: {}, submittedAt: null },
    ]);
    expect(await send(bytes)).toMatchObject({ ok: false, error: { code: 'SHORTLIST_FILE_REGNO_TAKEN', params: { regNo: first.regNo } } });
    expect(entryCount(target, targetId)).toBe(1);
    expect(originCount(target)).toBe(0);
  });
});
