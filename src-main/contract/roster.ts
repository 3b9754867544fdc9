// The committee members' roster across campaigns (issue 17): every selected member of every
// published committee result, with where they stand — selected (steps to do), confirmed (steps
// done, no certificate yet), certified, expiring within N days, expired, revoked — their
// certificate (and the one it renews), and what they did as members (the programme's rights and
// duties: World Cancer Day 2.4, the 4.15 week, 5.31 No Tobacco Day, the national science day,
// guideline writing, media appearances, award recommendations).
import { z } from 'zod';
import type { ChannelMap } from './channel-def';
import { LocalizedText } from './basics';
import { ExportFile } from './compliance';
import { memberActivities, rosterStatuses } from './roster-terms';

const Id = z.string().min(1).max(100);
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export { memberActivities, rosterStatuses };
export const MemberActivity = z.enum(memberActivities);
export type MemberActivity = z.infer<typeof MemberActivity>;
export const RosterStatus = z.enum(rosterStatuses);
export type RosterStatus = z.infer<typeof RosterStatus>;

export const ActivityRecord = z.object({ id: z.number().int(), activity: MemberActivity, onDate: Day, note: z.string() });
export type ActivityRecord = z.infer<typeof ActivityRecord>;

export const RosterMember = z.object({
  campaignId: z.string(),
  campaignName: LocalizedText,
  subject: z.string(),
  regNo: z.string(),
  name: z.string(),
  unit: z.string().nullable(),
  status: RosterStatus,
  /** Required steps not done yet. */
  missingSteps: z.number().int(),
  /** The member's current membership certificate (the newest valid or revoked one). */
  certificate: z.object({ serial: z.string(), issueDate: z.string(), validUntil: z.string().nullable(), renews: z.string().nullable() }).nullable(),
  activities: z.array(ActivityRecord),
});
export type RosterMember = z.infer<typeof RosterMember>;

const RosterQuery = z.object({ expiringDays: z.number().int().min(1).max(3650).default(90), status: RosterStatus.optional() }).strict();

export const rosterChannels = {
  'roster:list': { request: RosterQuery, response: z.object({ today: Day, expiringDays: z.number().int(), members: z.array(RosterMember) }) },
  'roster:addActivity': {
    request: z.object({ campaignId: Id, subject: z.string().min(1).max(200), activity: MemberActivity, onDate: Day, note: z.string().trim().max(2000).default('') }).strict(),
    response: z.array(ActivityRecord),
  },
  /** The roster as XLSX (one row per member, activities counted per kind), in the language asked for. */
  'roster:export': { request: RosterQuery.extend({ language: z.enum(['zh-CN', 'en']).default('zh-CN') }).strict(), response: ExportFile },
} as const satisfies ChannelMap;
