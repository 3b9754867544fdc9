// Issue 16: reach figures and public votes imported by registration number, "1.2万" read as
// 12,000, bad rows named and never blocking the others, a newer file replacing the figures.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReachFigure, ReachImportReport } from '../../../src-main/contract';
import { importRegistrations } from '../../../src-main/core/intake/import-registrations';
import { parseReachNumber } from '../../../src-main/core/intake/reach-figures';
import { ok, openTestApp, repoRoot } from '../../helpers';

async function setup() {
  const app = openTestApp();
  const template = app.ctx.templates.get('sichuan-influence-2023');
  const campaign = app.ctx.campaigns.create(template.id, template.definition);
  const csv = fs.readFileSync(path.join(repoRoot, 'tests/fixtures/intake/sichuan-registrations.utf8-bom.csv'));
  await importRegistrations(app.ctx, campaign.id, { fileName: 'r.csv', bytes: csv });
  const entryOf = (regNo: string) => app.ctx.db.prepare('SELECT id FROM entries WHERE reg_no = ?').pluck().get(regNo) as number;
  return { ...app, campaignId: campaign.id, entryOf };
}
const source = (fileName: string, text: string) => ({ fileName, contentBase64: Buffer.from(`\ufeff${text}`, 'utf8').toString('base64') });

describe('reach figures and public votes', () => {
  it('reads counts as platforms write them', () => {
    expect(['12,345', '1.2万', '3.5w', '2亿', '8k', '１２', '100+'].map(parseReachNumber)).toEqual([12345, 12000, 35000, 200000000, 8000, 12, 100]);
    expect(['-3', '1.5', 'many', ''].map(parseReachNumber)).toEqual([null, null, null, null]);
  });

  it('imports by registration number, names bad rows, and replaces figures with a newer file', async () => {
    const app = await setup();
    const first = await ok<ReachImportReport>(
      app.dispatch('reach:import', {
        campaignId: app.campaignId,
        source: source('抖音数据.csv', ['报名编号,粉丝数,播放量,点赞数,网络投票,统计日期,数据来源', 'SC-0003,1.2万,35000,8k,321,2023/12/20,抖音后台导出', 'SC-9999,10,10,10,1,,', 'SC-0001,,很多,5,,2023-12-20,', 'SC-0002,100,,,,2023-13-01,'].join('\r\n')),
      }),
    );
    expect(first.metrics).toEqual(['followers', 'views', 'likes', 'votes']);
    expect(first.stored).toEqual([2]);
    expect(first.rejected.map((r) => [r.row, r.errors.map((e) => `${e.code}:${e.target}`)])).toEqual([
      [3, ['ROW_UNKNOWN_REG_NO:regNo']],
      [4, ['ROW_BAD_NUMBER:views']],
      [5, ['ROW_BAD_DATE:asOf']],
    ]);
    const reach = () => ok<ReachFigure[]>(app.dispatch('reach:entry', { entryId: app.entryOf('SC-0003') }));
    expect(await reach()).toEqual([
      { metric: 'followers', value: 12000, asOf: '2023-12-20', source: '抖音后台导出' },
      { metric: 'views', value: 35000, asOf: '2023-12-20', source: '抖音后台导出' },
      { metric: 'likes', value: 8000, asOf: '2023-12-20', source: '抖音后台导出' },
      { metric: 'votes', value: 321, asOf: '2023-12-20', source: '抖音后台导出' },
    ]);
    // A newer file with views only: views replaced, the other figures kept; the same file again changes nothing.
    const newer = source('新数据.csv', '报名编号,播放量,统计日期\r\nSC-0003,4.1万,2023-12-28');
    expect((await ok<ReachImportReport>(app.dispatch('reach:import', { campaignId: app.campaignId, source: newer }))).stored).toEqual([2]);
    expect((await ok<ReachImportReport>(app.dispatch('reach:import', { campaignId: app.campaignId, source: newer }))).unchanged).toEqual([2]);
    const after = await reach();
    expect(after.find((f) => f.metric === 'views')).toEqual({ metric: 'views', value: 41000, asOf: '2023-12-28', source: null });
    expect(after.find((f) => f.metric === 'followers')?.value).toBe(12000);
    expect(app.ctx.db.prepare(`SELECT count(*) FROM audit_log WHERE action = 'intake.reach'`).pluck().get()).toBe(3);
    // A file without any figure column is refused whole, naming it.
    const refused = await app.dispatch('reach:import', { campaignId: app.campaignId, source: source('名单.csv', '报名编号,姓名\r\nSC-0001,张三') });
    expect(refused).toMatchObject({ ok: false, error: { code: 'REACH_COLUMNS_MISSING', params: { file: '名单.csv' } } });
    app.ctx.close();
  });
});
