// The roster's fixed words (no zod, so the renderer can list them): the activities a committee
// member's record can hold, from the CACA programme's rights and duties, and the roster statuses.
export const memberActivities = ['world_cancer_day', 'cancer_week', 'no_tobacco_day', 'science_day', 'guideline_writing', 'media_appearance', 'award_recommendation', 'other'] as const;
export type MemberActivity = (typeof memberActivities)[number];

/** selected: steps to do; confirmed: steps done, no certificate yet; then the certificate's state by date. */
export const rosterStatuses = ['selected', 'confirmed', 'certified', 'expiring', 'expired', 'revoked'] as const;
export type RosterStatus = (typeof rosterStatuses)[number];
