// Exports of the online questionnaire services Chinese organisers use (问卷星, 腾讯问卷, 头条问卷,
// 金数据). Each writes its own bookkeeping columns around the answers: a running answer number,
// start/end/submission times, time taken, source channel, IP address, device, browser, region,
// WeChat nickname, a score. Recognising the service lets the import take the submission time from
// the right column and leave the noise unmapped (a column "来源" must not become a campaign field by
// accident), and offer the answer number as the key that keeps generated registration numbers
// stable. Recognition needs at least two of a service's own marker headers: one alone ("提交时间",
// "序号") is common in hand-made spreadsheets too.
import type { QuestionnaireSource } from '../../contract';
import { normaliseHeader } from './targets';

interface ServiceShape {
  source: QuestionnaireSource;
  /** Headers only this service writes (normalised). */
  markers: string[];
  /** Where the submission time is, best first. */
  submitted: string[];
  /** The service's own answer number, best first. */
  answerId: string[];
}

const SERVICES: ServiceShape[] = [
  {
    source: 'wjx',
    markers: ['提交答卷时间', '所用时间', '来源详情', '来自ip', '总分'],
    submitted: ['提交答卷时间'],
    answerId: ['序号'],
  },
  {
    source: 'tencent',
    markers: ['开始答题时间', '结束答题时间', '答题时长', '地理位置国家和地区', '地理位置省', '地理位置市', '用户id', '自定义字段'],
    submitted: ['结束答题时间', '提交时间'],
    answerId: ['编号', '答卷编号'],
  },
  {
    source: 'toutiao',
    markers: ['答卷id', '答卷编号', '作答时长', '作答开始时间', '作答结束时间', '答题设备', 'ip地址', '来源渠道'],
    submitted: ['提交时间', '作答结束时间'],
    answerId: ['答卷id', '答卷编号', '序号'],
  },
  {
    source: 'jinshuju',
    markers: ['填写设备', '操作系统', '浏览器', '填写地区', '微信昵称', '微信openid', '提交人', '填写时长', '更新时间'],
    submitted: ['提交时间', '填写时间'],
    answerId: ['序号', '数据id'],
  },
];

/** Bookkeeping columns of any of the services: never mapped to a campaign field automatically. */
const NOISE = new Set(
  [
    '所用时间', '来源', '来源详情', '来自ip', '总分', '开始答题时间', '答题时长', '地理位置国家和地区', '地理位置省',
    '地理位置市', '用户id', '自定义字段', '作答时长', '作答开始时间', '答题设备', 'ip', 'ip地址', '来源渠道', '填写设备',
    '操作系统', '浏览器', '填写地区', '微信昵称', '微信openid', '微信头像', '提交人', '填写时长', '更新时间', '渠道',
    '数据id', '答卷id', '状态', '审核状态',
  ].map(normaliseHeader),
);

export interface QuestionnaireShapeFound {
  source: QuestionnaireSource;
  /** Columns of the service's own bookkeeping, left unmapped. */
  noiseColumns: number[];
  submittedAtColumn: number | null;
  answerIdColumn: number | null;
}

/** The service a header row comes from, or null for an ordinary spreadsheet. */
export function recogniseQuestionnaire(headers: readonly string[]): QuestionnaireShapeFound | null {
  const normalised = headers.map(normaliseHeader);
  const present = new Set(normalised);
  let best: { shape: ServiceShape; hits: number } | null = null;
  for (const shape of SERVICES) {
    const hits = shape.markers.filter((m) => present.has(m)).length;
    if (hits >= 2 && (!best || hits > best.hits)) best = { shape, hits };
  }
  if (!best) return null;
  const { shape } = best;
  const columnOf = (names: string[]) => {
    for (const name of names) {
      const at = normalised.indexOf(name);
      if (at !== -1) return at;
    }
    return null;
  };
  const answerIdColumn = columnOf(shape.answerId);
  const submittedAtColumn = columnOf(shape.submitted);
  const noiseColumns = normalised.flatMap((h, i) => (NOISE.has(h) || i === answerIdColumn ? [i] : []));
  return { source: shape.source, noiseColumns, submittedAtColumn, answerIdColumn };
}

/**
 * Columns that could serve as registration number or re-import key: a header that names a number
 * (序号, 编号, 报名编号, ID …) or any column whose values are all present and all different.
 */
export function uniqueColumns(headers: readonly string[], rows: readonly (readonly string[])[]): number[] {
  if (rows.length === 0) return [];
  const found: number[] = [];
  headers.forEach((_, column) => {
    const seen = new Set<string>();
    for (const cells of rows) {
      const value = (cells[column] ?? '').trim();
      if (value === '' || seen.has(value)) return;
      seen.add(value);
    }
    found.push(column);
  });
  return found;
}
