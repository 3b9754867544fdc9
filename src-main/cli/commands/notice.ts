// kepu notice list|create|export  and  kepu objection list|add|resolve: the 公示 on the command
// line, through the same channels as the app. `notice export` writes the newest notice of the list
// (format from the file's extension: .pdf, .html, .xlsx); `--unranked` exports it 排名不分先后 and
// `--lang` picks the language, both for this file only. `notice create` makes a new notice from the
// latest locked ranking (period as wall-clock time in the campaign's zone).
import type { i18n } from 'i18next';
import path from 'node:path';
import type { NoticeInfo, NoticeLanguage } from '../../contract';
import { noticeLanguages } from '../../contract/notices';
import { formatInZone, nowIso } from '../../core/time';
import { noteHeldOpen } from '../held-open';
import { parseCommand, UsageError } from '../args';
import { CliFailure } from '../failure';
import { openRuntime } from '../runtime';

type T = i18n['t'];
const FORMATS = { '.pdf': 'pdf', '.html': 'html', '.htm': 'html', '.xlsx': 'xlsx' } as const;

function language(value: unknown, t: T): NoticeLanguage | undefined {
  if (value === undefined) return undefined;
  if (!(noticeLanguages as readonly string[]).includes(value as string)) throw new UsageError(t('cli.notice.usage'));
  return value as NoticeLanguage;
}

function print(json: boolean, value: unknown, text: string): void {
  process.stdout.write(json ? `${JSON.stringify({ ok: true, ...(value as object) }, null, 2)}\n` : `${text}\n`);
}

const noticeLine = (t: T, n: NoticeInfo) =>
  t('cli.notice.line', { id: n.id, list: n.listKey, start: n.periodStartLocal, end: n.periodEndLocal, status: t(`notice.status.${n.status}`), open: n.openObjections, count: n.objections });

export async function runNotice(argv: string[], t: T): Promise<number> {
  const [sub, ...rest] = argv;
  const { values } = parseCommand(rest, {
    campaign: { type: 'string' },
    list: { type: 'string' },
    out: { type: 'string' },
    unranked: { type: 'boolean' },
    lang: { type: 'string' },
    start: { type: 'string' },
    end: { type: 'string' },
  });
  const campaignId = values.campaign as string | undefined;
  if (!campaignId || !['list', 'create', 'export'].includes(sub ?? '')) throw new UsageError(t('cli.notice.usage'));
  const json = values.json === true;
  const rt = openRuntime(values['data-dir'] as string | undefined, t);
  try {
    if (sub === 'list') {
      const notices = await rt.call('notice:list', { campaignId });
      print(json, { notices }, notices.length ? notices.map((n) => noticeLine(t, n)).join('\n') : t('cli.notice.none'));
      return 0;
    }
    if (!values.list) throw new UsageError(t('cli.notice.usage'));
    if (sub === 'create') {
      if (!values.start || !values.end) throw new UsageError(t('cli.notice.usage'));
      const notice = await rt.call('notice:create', {
        campaignId, listKey: values.list as string, ranked: values.unranked !== true, periodStart: values.start as string, periodEnd: values.end as string, language: language(values.lang, t) ?? 'both',
      });
      print(json, { notice }, noticeLine(t, notice));
      return 0;
    }
    if (!values.out) throw new UsageError(t('cli.notice.usage'));
    const out = path.resolve(values.out as string);
    const format = FORMATS[path.extname(out).toLowerCase() as keyof typeof FORMATS];
    if (!format) throw new UsageError(t('cli.notice.usage'));
    const notice = (await rt.call('notice:list', { campaignId })).find((n) => n.listKey === values.list);
    if (!notice) {
      throw new CliFailure('NOTICE_NOT_FOUND', t('cli.notice.noneForList', { list: values.list }), { list: values.list as string });
    }
    const file = await rt.call('notice:export', { campaignId, noticeId: notice.id, format, language: language(values.lang, t), ranked: values.unranked ? false : undefined, targetPath: out });
    print(json, { file: file.savedTo, notice }, t('cli.notice.exported', { file: file.savedTo }));
    noteHeldOpen(t, file.heldOpen, file.savedTo);
    return 0;
  } finally {
    rt.close();
  }
}

export async function runObjection(argv: string[], t: T): Promise<number> {
  const [sub, ...rest] = argv;
  const { values } = parseCommand(rest, {
    campaign: { type: 'string' },
    notice: { type: 'string' },
    entry: { type: 'string' },
    from: { type: 'string' },
    text: { type: 'string' },
    received: { type: 'string' },
    file: { type: 'string' },
    id: { type: 'string' },
    upheld: { type: 'boolean' },
    rejected: { type: 'boolean' },
    decision: { type: 'string' },
    resolution: { type: 'string' },
    'after-publish': { type: 'boolean' },
  });
  const campaignId = values.campaign as string | undefined;
  if (!campaignId) throw new UsageError(t('cli.objection.usage'));
  const json = values.json === true;
  const rt = openRuntime(values['data-dir'] as string | undefined, t);
  const line = (o: { id: number; regNo: string; from: string; receivedOn: string; status: string; resolution: string | null }) =>
    t('cli.objection.line', { id: o.id, regNo: o.regNo, from: o.from, day: o.receivedOn, status: t(`notice.objections.status.${o.status}`), resolution: o.resolution ?? '' });
  try {
    if (sub === 'list') {
      const objections = await rt.call('objection:list', { campaignId, noticeId: values.notice ? Number(values.notice) : undefined });
      print(json, { objections }, objections.length ? objections.map(line).join('\n') : t('cli.objection.none'));
      return 0;
    }
    if (sub === 'add') {
      if (!values.notice || !values.entry || !values.from || !values.text) throw new UsageError(t('cli.objection.usage'));
      // Today as a day of the campaign's calendar (its time zone), like the period it is checked against.
      const timeZone = (await rt.call('campaign:get', { campaignId })).definition.timeZone;
      const today = formatInZone(nowIso(), timeZone).slice(0, 10);
      let objection = await rt.call('objection:add', {
        campaignId, noticeId: Number(values.notice), regNo: values.entry as string, from: values.from as string, text: values.text as string, receivedOn: (values.received as string | undefined) ?? today,
      });
      if (values.file) objection = await rt.call('objection:addFile', { campaignId, objectionId: objection.id, path: path.resolve(values.file as string) });
      print(json, { objection }, line(objection));
      return 0;
    }
    if (sub === 'resolve') {
      if (!values.id || !values.resolution || values.upheld === values.rejected) throw new UsageError(t('cli.objection.usage'));
      const decision = values.decision as 'disqualify' | 'withdraw' | undefined;
      if (decision !== undefined && decision !== 'disqualify' && decision !== 'withdraw') throw new UsageError(t('cli.objection.usage'));
      // A decision moves the published (provisional) result: only with --after-publish, as `kepu decision set`.
      if (decision && values['after-publish']) await rt.call('ranking:allowChanges', { campaignId });
      const objection = await rt.call('objection:resolve', { campaignId, objectionId: Number(values.id), outcome: values.upheld ? 'upheld' : 'rejected', resolution: values.resolution as string, decision });
      print(json, { objection }, line(objection));
      return 0;
    }
    throw new UsageError(t('cli.objection.usage'));
  } finally {
    rt.close();
  }
}
