// Intake scenario (issue: intake): import 50,000 registrations from a CSV through the real
// importer (decode, parse, map, validate, upsert in one transaction). Aim: ≥ 20,000 rows/s.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAppContext } from '../src-main/app/context';
import { importRegistrations } from '../src-main/core/intake/import-registrations';
import { type BenchResult, measure, summarize } from './harness';

const root = path.resolve(import.meta.dirname, '..');
const SIZE = 50_000;

export function registrationsCsv(count: number): string {
  const header = '报名编号,申报类型,作品类别,作品名称,作者,单位,联系电话,电子邮箱,推荐理由,平台全称,账号全称,账号链接,姓名,提交时间';
  const kinds = ['作品', '账号', '个人'];
  const categories = ['图文', '漫画', '视频', '其他'];
  const lines = [header];
  for (let i = 0; i < count; i++) {
    const kind = kinds[i % 3];
    const day = 9 + (i % 17);
    const time = `2023-12-${String(day).padStart(2, '0')} ${String(8 + (i % 12)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`;
    const phone = `13${String(100000000 + i).slice(-9)}`;
    lines.push(
      [
        `SC-${String(i + 1).padStart(6, '0')}`,
        kind,
        kind === '作品' ? categories[i % 4] : '',
        kind === '作品' ? `"健康科普作品 ${i + 1},第${i % 7}季"` : '',
        kind === '作品' ? `作者${i % 997}` : '',
        `医院${i % 211}`,
        phone,
        i % 5 === 0 ? `user${i}@example.cn` : '',
        '长期坚持健康科普',
        kind === '账号' ? '抖音' : '',
        kind === '账号' ? `账号${i}` : '',
        kind === '账号' ? `https://www.douyin.com/user/${i}` : '',
        kind === '个人' ? `姓名${i}` : '',
        time,
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

export async function intakeBench(): Promise<BenchResult[]> {
  const bytes = Buffer.from(registrationsCsv(SIZE), 'utf8');
  let rejected = -1;
  const samples = await measure(3, async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kepu-bench-intake-'));
    const ctx = createAppContext({ dataDir, resourcesDir: path.join(root, 'resources'), shell: 'cli' });
    try {
      const template = ctx.templates.get('sichuan-influence-2023');
      const campaign = ctx.campaigns.create(template.id, template.definition);
      const report = await importRegistrations(ctx, campaign.id, { fileName: 'registrations.csv', bytes });
      rejected = report.rejected.length;
      if (report.added.length + rejected !== SIZE) throw new Error(`bench: intake imported ${report.added.length} of ${SIZE}`);
    } finally {
      ctx.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
  return [
    summarize('intake.importCsv', SIZE, 'rows/s', samples, {
      note: `UTF-8 CSV of ${(bytes.length / 1e6).toFixed(1)} MB, fresh database each run, ${rejected} rows rejected; aim ≥ 20,000 rows/s`,
    }),
  ];
}
