// Representative data of the kinds Kepu signs (bundles, packages, key cards, key-file headers,
// DSSE envelopes, ranking snapshots), for the canonical-JSON test: decimals, CJK and other
// non-ASCII text, nested structures, negative zero, large integers, keys needing escapes.
export const samples: Record<string, unknown> = {
  numbers: {
    decimals: [0.1, 0.2 + 0.1, 1.5, 123.456789, 99.999999, -0.000001, 1e-7, 1.5e-7, 5e-324, 1e21, 1e-6, 12.3456785],
    negativeZero: -0,
    nestedNegativeZero: [-0, { z: -0 }],
    largeIntegers: [2 ** 53 - 1, -(2 ** 53 - 1), 2 ** 53, 1e20, 123456789012345680000, 1e300, Number.MAX_VALUE],
    micro: [86_123_456, 0, 1, -1],
  },
  text: {
    cjk: '健康科普作品大赛 · 二等奖（优秀）',
    nameWithSpaces: '张 三',
    emoji: '👩‍⚕️🏥',
    rareCjk: '𠀀𪚥',
    escapes: 'quote " backslash \\ slash / tab \t newline \n cr \r nul \u0000 bell \u0007 del \u007f',
    lineSeparators: '\u2028\u2029',
    loneSurrogate: '\ud800x',
    bidi: '\u202eabc',
  },
  keys: { b: 1, a: 2, B: 3, _: 4, 'é': 5, '中': 6, '\u20ac': 7, '\ud83d\ude00': 8, 'a b': 9, '': 10, aa: 11, 'a"': 12 },
  nested: { z: [{ y: { x: [[], {}, [null, true, false]] } }], m: { n: { o: { p: 'deep' } } } },
  dropped: { kept: 1, gone: undefined, list: [undefined, 1] },
  bundle: {
    format: 'kepu-score-bundle/1',
    campaignId: 'c_2026_health',
    judge: { id: 'j_7', name: '李四', institution: '北京协和医院' },
    entries: [
      { regNo: 'SCKP-2026-0001', scores: { content: 8.5, creativity: 9, communication: 7.25 }, comment: '内容准确，表达清晰。', updatedAt: '2026-12-02T10:00:00.000Z' },
      { regNo: 'SCKP-2026-0002', scores: {}, comment: '', conflict: { declared: true, reason: '同单位' } },
    ],
  },
};
