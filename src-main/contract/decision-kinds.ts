// The kinds of per-entry decision, zod-free: the ranking and the decision service read them without
// building the decision channels' schemas (decisions.ts; issue 18).
export const decisionKinds = ['disqualify', 'withdraw', 'accept-late', 'waive-media', 'reinstate'] as const;
