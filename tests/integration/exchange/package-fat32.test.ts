// A review package with media is one file, and USB sticks come formatted FAT32 (4 GiB per file at
// most): an export that would not fit is refused before anything is written, with the size, so the
// app can offer it without media or written anyway (allowOver4GiB) for an exFAT/NTFS stick.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ok, openMergedSample } from '../../helpers';

describe('a package over FAT32’s 4 GiB', () => {
  it('is refused with PACKAGE_OVER_4GIB before writing; without media it is written', async () => {
    const app = await openMergedSample();
    await ok(app.dispatch('identity:create', { name: '组织方', passphrase: 'coordinator passphrase' }));
    const judgeId = app.ctx.db
      .prepare<[string], string>('SELECT a.judge_id FROM assignments a JOIN entries e ON e.id = a.entry_id JOIN assets s ON s.entry_id = e.id WHERE e.campaign_id = ? ORDER BY a.judge_id LIMIT 1')
      .pluck()
      .get(app.works.id)!;
    // One of the judge's videos is 4.2 GiB (as recorded when it was linked).
    const assetId = app.ctx.db
      .prepare<[string, string], number>('SELECT s.id FROM assets s JOIN entries e ON e.id = s.entry_id JOIN assignments a ON a.entry_id = e.id WHERE e.campaign_id = ? AND a.judge_id = ? LIMIT 1')
      .pluck()
      .get(app.works.id, judgeId)!;
    app.ctx.db.prepare('UPDATE assets SET size_bytes = ? WHERE id = ?').run(Math.round(4.2 * 1024 ** 3), assetId);
    const exports = path.join(app.dataDir, 'exports');
    const files = () => (fs.existsSync(exports) ? fs.readdirSync(exports).filter((f) => f.endsWith('.kepupkg')) : []);

    const issued = () => app.ctx.db.prepare('SELECT count(*) FROM issued_packages').pluck().get();
    const issuedBefore = issued();
    const refused = await app.dispatch('package:export', { campaignId: app.works.id, judgeId, withMedia: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'PACKAGE_OVER_4GIB', params: { sizeGiB: expect.stringMatching(/^4\.[2-9]$/) } } });
    expect(files()).toEqual([]);
    expect(issued()).toBe(issuedBefore);

    const without = await ok<{ file: string }>(app.dispatch('package:export', { campaignId: app.works.id, judgeId, withMedia: false }));
    expect(fs.existsSync(without.file)).toBe(true);
    app.ctx.close();
  });
});
