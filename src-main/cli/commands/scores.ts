// kepu scores export|sheet: every judge's scores on the command line, through the same channels as
// the app. `export` writes the score matrix of a round (format from --format, else the file's
// extension); `sheet` writes the 评审打分表 PDF of one judge (by name) or of all judges in one file.
import type { i18n } from 'i18next';
import path from 'node:path';
import type { NoticeLanguage } from '../../contract';
import { noticeLanguages } from '../../contract/notices';
import { noteHeldOpen } from '../held-open';
import { parseCommand, UsageError } from '../args';
import { CliFailure } from '../failure';
import { openRuntime } from '../runtime';

type T = i18n['t'];

function print(json: boolean, value: object, text: string): void {
  process.stdout.write(json ? `${JSON.stringify({ ok: true, ...value }, null, 2)}\n` : `${text}\n`);
}

function roundNo(value: unknown, t: T): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(t('cli.scores.usage'));
  return n;
}

export async function runScores(argv: string[], t: T): Promise<number> {
  const [sub, ...rest] = argv;
  const { values } = parseCommand(rest, {
    campaign: { type: 'string' },
    round: { type: 'string' },
    list: { type: 'string' },
    out: { type: 'string' },
    format: { type: 'string' },
    judge: { type: 'string' },
    lang: { type: 'string' },
  });
  const campaignId = values.campaign as string | undefined;
  if (!campaignId || !values.out || !['export', 'sheet'].includes(sub ?? '')) throw new UsageError(t('cli.scores.usage'));
  const json = values.json === true;
  const out = path.resolve(values.out as string);
  const round = roundNo(values.round, t);
  const listKey = values.list as string | undefined;
  const rt = openRuntime(values['data-dir'] as string | undefined, t);
  try {
    if (sub === 'export') {
      const format = (values.format as string | undefined) ?? (path.extname(out).toLowerCase() === '.xlsx' ? 'xlsx' : 'csv');
      if (format !== 'csv' && format !== 'xlsx') throw new UsageError(t('cli.scores.usage'));
      const file = await rt.call('scores:export', { campaignId, format, roundNo: round, listKey, targetPath: out });
      print(json, { file: file.savedTo, format }, t('cli.scores.exported', { file: file.savedTo }));
      noteHeldOpen(t, file.heldOpen, file.savedTo);
      return 0;
    }
    const judge = values.judge as string | undefined;
    const language = (values.lang as string | undefined) ?? 'zh';
    if (!judge || !(noticeLanguages as readonly string[]).includes(language)) throw new UsageError(t('cli.scores.usage'));
    let judgeId: string | undefined;
    if (judge !== 'all') {
      // By name as people say it (an id is accepted too).
      const { judges } = await rt.call('judge:list', { campaignId });
      const found = judges.find((j) => j.name === judge) ?? judges.find((j) => j.id === judge);
      if (!found) throw new CliFailure('JUDGE_NOT_FOUND', t('cli.scores.noJudge', { name: judge }), { judgeId: judge });
      judgeId = found.id;
    }
    const file = await rt.call('scores:sheet', { campaignId, judgeId, roundNo: round, listKey, language: language as NoticeLanguage, targetPath: out });
    print(json, { file: file.savedTo, judge: judgeId ?? 'all', language }, t('cli.scores.exported', { file: file.savedTo }));
    noteHeldOpen(t, file.heldOpen, file.savedTo);
    return 0;
  } finally {
    rt.close();
  }
}
