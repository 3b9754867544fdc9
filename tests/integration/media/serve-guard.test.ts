// Serving linked media after the file on disk changed (issue 11, item 8), through the real browser
// shell over HTTP and the real handlers: a file swapped for a symbolic link to a secret is never
// served, a changed file is refused with MEDIA_FILE_CHANGED until it is re-checked, and a re-check
// records the new facts (or refuses new bytes in a campaign opened from a review package).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssetInfo, CampaignSummary, EntryDetail, EntryRow, ReviewState } from '../../../src-main/contract';
import { startHost, type RunningHost } from '../../../src-main/host/server';
import { ok, openTestApp, tempDir } from '../../helpers';

function get(port: number, pathname: string): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: pathname }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

describe('serving a linked file that changed on disk', () => {
  const app = openTestApp();
  const outside = tempDir('kepu-outside-');
  const secretFile = path.join(outside, 'passwd');
  let host: RunningHost;
  let campaign: CampaignSummary;
  let video: AssetInfo;
  let videoPath: string;
  let original: Buffer;
  let otherVideo: Buffer;

  const media = (id = video.id) => get(host.port, `/media/${id}?token=${host.token}`);
  const errorCode = (body: Buffer) => JSON.parse(body.toString()).error.code as string;
  const state = async () => (await ok<{ state: string }>(app.dispatch('media:assetState', { assetId: video.id }))).state;
  const entryOf = async (query: string) => {
    const list = await ok<{ rows: EntryRow[] }>(app.dispatch('entry:list', { campaignId: campaign.id, filter: { query } }));
    return ok<EntryDetail>(app.dispatch('entry:get', { entryId: list.rows[0].id }));
  };

  beforeAll(async () => {
    fs.writeFileSync(secretFile, 'root:x:0:0:root:/root:/bin/bash\n');
    host = await startHost({ ctx: app.ctx, dispatch: app.dispatch, rendererDir: null, log: () => {} });
    campaign = await ok<CampaignSummary>(app.dispatch('demo:load', {}));
    video = (await entryOf('洗手')).assets.find((a) => a.role === 'video')!;
    videoPath = app.ctx.assets.location(video.id).path;
    original = fs.readFileSync(videoPath);
    const other = (await entryOf('心肺复苏')).assets.find((a) => a.role === 'video')!;
    otherVideo = fs.readFileSync(app.ctx.assets.location(other.id).path);
    expect(otherVideo.equals(original)).toBe(false);
  }, 60_000); // starts the HTTP host: seconds on a busy 2-core machine
  afterAll(async () => {
    await host.close();
    app.ctx.close();
    fs.rmSync(outside, { recursive: true, force: true });
  });

  it('serves the file as linked', async () => {
    const reply = await media();
    expect(reply.status).toBe(200);
    expect(reply.body.equals(original)).toBe(true);
    expect(await state()).toBe('ok');
  });

  it('never serves a symbolic link put in the file’s place, and will not re-check it', async () => {
    fs.rmSync(videoPath);
    fs.symlinkSync(secretFile, videoPath);
    const reply = await media();
    expect(reply.status).toBe(403);
    expect(errorCode(reply.body)).toBe('MEDIA_FILE_REFUSED');
    expect(reply.body.toString()).not.toContain('root:x');
    expect(await state()).toBe('refused');
    const recheck = await app.dispatch('media:recheckAsset', { assetId: video.id });
    expect(recheck).toMatchObject({ ok: false, error: { code: 'MEDIA_FILE_REFUSED' } });
    expect(app.ctx.assets.location(video.id).sha256).toBe(video.sha256);
    fs.rmSync(videoPath);
  });

  it('refuses a file only touched since the check; a re-check keeps the hash and serves it again', async () => {
    fs.writeFileSync(videoPath, original); // same bytes, new mtime
    const later = new Date(Date.now() + 120_000);
    fs.utimesSync(videoPath, later, later);
    const refused = await media();
    expect(refused.status).toBe(409);
    expect(errorCode(refused.body)).toBe('MEDIA_FILE_CHANGED');
    expect(await state()).toBe('changed');
    const result = await ok<{ contentChanged: boolean; sha256: string }>(app.dispatch('media:recheckAsset', { assetId: video.id }));
    expect(result).toMatchObject({ contentChanged: false, sha256: video.sha256 });
    expect(app.ctx.assets.location(video.id).mtimeMs).toBe(Math.trunc(fs.statSync(videoPath).mtimeMs));
    const served = await media();
    expect(served.status).toBe(200);
    expect(served.body.equals(original)).toBe(true);
  });

  it('refuses new bytes until re-checked, then records and serves them with a fresh verdict', async () => {
    fs.writeFileSync(videoPath, otherVideo);
    expect(errorCode((await media()).body)).toBe('MEDIA_FILE_CHANGED');
    const result = await ok<{ contentChanged: boolean; sha256: string; sizeBytes: number }>(
      app.dispatch('media:recheckAsset', { assetId: video.id }),
    );
    expect(result.contentChanged).toBe(true);
    expect(result.sizeBytes).toBe(otherVideo.length);
    expect(app.ctx.assets.location(video.id).sha256).toBe(result.sha256);
    expect((await media()).body.equals(otherVideo)).toBe(true);
    const audit = app.ctx.db.prepare(`SELECT details_json FROM audit_log WHERE action = 'media.recheck' ORDER BY id DESC`).pluck().get() as string;
    expect(JSON.parse(audit)).toMatchObject({ before: { sha256: video.sha256 }, after: { sha256: result.sha256 } });
    // The judge's view shows the file's verdict from the new facts, not "unchecked".
    const judge = app.ctx.db.prepare('SELECT judge_id FROM assignments WHERE entry_id = (SELECT entry_id FROM assets WHERE id = ?)').pluck().get(video.id) as string;
    const entryId = app.ctx.assets.location(video.id).entryId;
    const review = await ok<ReviewState>(app.dispatch('review:get', { campaignId: campaign.id, judgeId: judge, entryId }));
    const shown = review.assets.find((a) => a.id === video.id)!;
    expect(shown.sha256).toBe(result.sha256);
    expect(shown.verdict).not.toBe('unchecked');
  });

  it('refuses new bytes for good in a campaign opened from a review package', async () => {
    const judge = app.ctx.db.prepare('SELECT judge_id FROM assignments LIMIT 1').pluck().get() as string;
    app.ctx.db
      .prepare(`INSERT INTO opened_packages (id, campaign_id, judge_id, coordinator_key_id, coordinator_name, opened_at, manifest_json, media_dir)
                VALUES ('pkg-test', ?, ?, 'key', 'Coordinator', '2024-01-01T00:00:00Z', '{}', ?)`)
      .run(campaign.id, judge, outside);
    const before = app.ctx.assets.location(video.id).sha256;
    fs.writeFileSync(videoPath, original);
    const recheck = await app.dispatch('media:recheckAsset', { assetId: video.id });
    expect(recheck).toMatchObject({ ok: false, error: { code: 'MEDIA_FILE_NOT_AS_SENT', params: { file: path.basename(videoPath) } } });
    expect(app.ctx.assets.location(video.id).sha256).toBe(before);
    expect((await media()).status).toBe(409);
  });
});
