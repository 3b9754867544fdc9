// A scoring round as a programme file states it, with every optional field at its default, for
// tests that give a list rounds (extra: the fields a test sets, e.g. judgesPerEntry or carryOver).
export const scoringRound = (key: string, en: string, zh: string, extra: object = {}) => ({
  key,
  name: { 'zh-CN': zh, en },
  kind: 'scoring' as const,
  panel: null,
  judgesPerEntry: null,
  rubric: null,
  dueAt: null,
  shortlist: null,
  carryOver: 0,
  ...extra,
});
