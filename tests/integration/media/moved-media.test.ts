// A USB stick that comes back under another drive letter (E: → F:), simulated by renaming the
// folder the works are in (a renamed mount point): re-linking from the new place moves the existing
// asset rows by hash instead of adding duplicates, and the probe cache knows the files already.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CampaignSummary, MediaLinkJob } from '../../../src-main/contract';
import { importRegistrations } from '../../../src-main/core/intake/import-registrations';
import { unreadableOutcomeCodes } from '../../../src-main/core/media/probe';
import { ProbeCache } from '../../../src-main/core/media/probe-cache';
import { finishedJob, ok, openTestApp, repoRoot, tempDir } from '../../helpers';

const media = path.join(repoRoot, 'tests/fixtures/media');

async function setup() {
  const app = openTestApp();
  const template = app.ctx.templates.get('sichuan-influence-2023');
  const campaign: CampaignSummary = app.ctx.campaigns.create(template.id, template.definition);
  const csv = path.join(repoRoot, 'tests/fixtures/intake/sichuan-registrations.utf8-bom.csv');
  await importRegistrations(app.ctx, campaign.id, { fileName: 'r.csv', bytes: fs.readFileSync(csv) });
  return { ...app, campaign };
}

function stick(): string {
  const dir = path.join(tempDir('kepu-usb-'), 'E');
  const put = (fixture: string, target: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, target)), { recursive: true });
    fs.copyFileSync(path.join(media, fixture), path.join(dir, target));
  };
  put('compliant.mp4', 'SC-0001_七步洗手法.mp4');
  put('photo.jpg', 'SC-0002/page-1.jpg');
  put('small.png', 'SC-0002/page-2.png');
  return dir;
}

type AssetRow = { id: number; entry_id: number; path: string; sha256: string };

describe('media on a stick that comes back under another drive letter', () => {
  it('re-linking from the new place moves the same asset rows (no duplicates) and finds the probe results', async () => {
    const { ctx, dispatch, campaign } = await setup();
    const before = stick();
    const link = async (folder: string) => (await finishedJob(dispatch, await ok<MediaLinkJob>(dispatch('media:link', { campaignId: campaign.id, folder })))).state;
    expect(await link(before)).toBe('done');
    const rows = () => ctx.db.prepare<[], AssetRow>('SELECT id, entry_id, path, sha256 FROM assets ORDER BY id').all();
    const first = rows();
    expect(first).toHaveLength(3);

    const after = path.join(path.dirname(before), 'F');
    fs.renameSync(before, after); // the stick's new drive letter
    const cache = new ProbeCache(ctx.db);
    for (const r of first) {
      const moved = path.join(after, path.relative(before, r.path));
      const stat = fs.statSync(moved);
      expect(cache.get(moved, stat.size, stat.mtimeMs)?.sha256).toBe(r.sha256); // no new probe, no new hash
    }

    expect(await link(after)).toBe('done');
    const second = rows();
    expect(second.map((r) => r.id)).toEqual(first.map((r) => r.id));
    expect(second.map((r) => r.sha256)).toEqual(first.map((r) => r.sha256));
    for (const r of second) {
      expect(r.path.startsWith(after + path.sep)).toBe(true);
      expect(fs.existsSync(r.path)).toBe(true);
    }
    ctx.close();
  });

  it('the probe cache takes a moved file only with the same name, size and mtime', async () => {
    const { ctx } = await setup();
    const cache = new ProbeCache(ctx.db);
    const outcome = { ok: false as const, code: unreadableOutcomeCodes[0], detail: 'stand-in' };
    cache.put('E:\\作品\\SC-0001.mp4', 1000, 1_700_000_000_123, outcome, 'a'.repeat(64));
    expect(cache.get('F:\\作品\\SC-0001.mp4', 1000, 1_700_000_000_123)?.sha256).toBe('a'.repeat(64));
    expect(cache.get('F:\\作品\\sc-0001.MP4', 1000, 1_700_000_000_123)?.sha256).toBe('a'.repeat(64));
    expect(cache.get('F:\\作品\\SC-0002.mp4', 1000, 1_700_000_000_123)).toBeNull();
    expect(cache.get('F:\\作品\\SC-0001.mp4', 1001, 1_700_000_000_123)).toBeNull();
    expect(cache.get('F:\\作品\\SC-0001.mp4', 1000, 1_700_000_000_124)).toBeNull();
    ctx.close();
  });
});
