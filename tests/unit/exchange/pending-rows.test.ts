// The merge's pending rows are written in primary-key order (pending-rows.ts keyOrder: a counting
// sort by entry id, then the ranks of the rows' groups by judge, round and dimension): the same order
// a comparison sort of the rows by (entry_id, judge_id, round_no, dimension_key) gives, strings in
// code-unit order. A review's status is in its group but not in its key.
import { describe, expect, it } from 'vitest';
import { compareText, GroupedRows } from '../../../src-main/core/merge/pending-rows';

type Row = [number, string, number, string, number];

function byComparator(rows: Row[], keyWidth: 3 | 4): number[] {
  return rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => a.row[0] - b.row[0] || compareText(a.row[1], b.row[1]) || a.row[2] - b.row[2] || (keyWidth === 4 ? compareText(a.row[3], b.row[3]) : 0) || a.i - b.i)
    .map((x) => x.i);
}

describe('the key order of pending merge rows', () => {
  it('is the primary-key order a comparison sort gives, for scores and reviews', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
    // Judge ids that order differently as code units than as code points or by length.
    const judges = ['j-b', 'j-a', 'j-aa', 'J-z', 'j-\uFF21', 'j-\uD83D\uDE00', 'j-10', 'j-9'];
    const dimensions = ['content', 'creativity', 'communication', 'a', 'z_1'];
    // Far apart (counted through a Map) and close together (counted in an array, the usual case).
    const sparse = [1, 2, 3, 10, 11, 99, 100, 2 ** 40, Number.MAX_SAFE_INTEGER, 500_000];
    const dense = Array.from({ length: 300 }, (_, i) => 40_000 + ((i * 7) % 300));
    for (const [keyWidth, entryIds] of [[3, sparse], [4, sparse], [3, dense], [4, dense]] as const) {
      const seen = new Set<string>();
      const rows: Row[] = [];
      // Judge by judge as bundles come; no key twice (it is a primary key).
      for (let i = 0; i < 3_000; i++) {
        const row: Row = [pick(entryIds), pick(judges), 1 + Math.floor(random() * 3), keyWidth === 4 ? pick(dimensions) : '', i];
        const key = row.slice(0, keyWidth).join('\u0000');
        if (seen.has(key)) continue;
        seen.add(key);
        rows.push(row);
      }
      const grouped = new GroupedRows(keyWidth === 4);
      // Reviews: the sub-key is a status, which the key leaves out (any order of statuses will do).
      const statuses = ['complete', 'in_progress'];
      for (const [i, row] of rows.entries()) {
        const sub = keyWidth === 4 ? row[3] : statuses[i % 2];
        grouped.push(row[0], grouped.groupOf(row[1], i % 3 === 0 ? 't1' : 't2', row[2], sub), row[4], -row[4]);
      }
      expect([...grouped.keyOrder()]).toEqual(byComparator(rows, keyWidth));
      const last = rows.length - 1;
      expect([grouped.entryId(last), grouped.groups[grouped.group(last)].judgeId, grouped.number(last, 0), grouped.number(last, 1)]).toEqual([rows[last][0], rows[last][1], rows[last][4], -rows[last][4]]);
    }
  });

  it('is empty for no rows', () => {
    expect([...new GroupedRows(false).keyOrder()]).toEqual([]);
  });
});
