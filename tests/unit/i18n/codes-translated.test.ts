// Every code the intake, the media check and the ranking hand to the UI has a sentence in both
// languages (the error codes have their own test in locale-parity).
import { describe, expect, it } from 'vitest';
import { EntryProblem, flagCodes, rowErrorCodes, violationCodes } from '../../../src-main/contract';
import { AssetInfo } from '../../../src-main/contract/assets';
import en from '../../../locales/en.json';
import zhCN from '../../../locales/zh-CN.json';

type Tree = { [key: string]: string | Tree };
const has = (tree: Tree, key: string) => typeof key.split('.').reduce<Tree | string | undefined>((t, k) => (typeof t === 'object' ? t[k] : undefined), tree) === 'string';

describe('codes shown to people', () => {
  const keys = [
    ...rowErrorCodes.map((c) => `intake.rowErrors.${c}`),
    ...violationCodes.map((c) => `compliance.rules.${c}`),
    ...flagCodes.map((c) => `ranking.flags.${c}`),
    ...EntryProblem.shape.code.options.map((c) => `compliance.entryProblems.${c}`),
    ...AssetInfo.shape.role.options.map((r) => `compliance.mediaRoles.${r}`),
  ];
  it('are translated in English and Chinese', () => {
    expect(keys.filter((k) => !has(en as Tree, k))).toEqual([]);
    expect(keys.filter((k) => !has(zhCN as Tree, k))).toEqual([]);
  });
});
