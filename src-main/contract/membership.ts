// Committee membership after selection (issue 17): the steps the programme lists between being
// selected and receiving the membership certificate (CACA: accounts opened and verified (加V) on
// the partner platforms, one popularization article or video published and passed by the
// platform's review, the committee's confirmation). Each selected member's steps are recorded by
// the coordinator with a date and evidence; the membership certificate is issued only once every
// required step is done (core/certificates/issue.ts). Records are appended, never changed: the
// newest record of a step is its state, the older ones its history.
import { z } from 'zod';
import type { ChannelMap } from './channel-def';
import { ImportSource } from './intake';
import { MembershipStepDef } from './domain';

const Id = z.string().min(1).max(100);
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const StepRecordView = z.object({
  id: z.number().int(),
  /** The day the step was done; null: recorded as not done (a correction). */
  doneOn: Day.nullable(),
  platform: z.string().nullable(),
  account: z.string().nullable(),
  link: z.string().nullable(),
  /** SHA-256 of the screenshot kept with the record; null: none. */
  screenshot: z.string().nullable(),
  verified: z.boolean(),
  note: z.string(),
  recordedAt: z.string(),
  recordedBy: z.string(),
});
export type StepRecordView = z.infer<typeof StepRecordView>;

export const MemberSteps = z.object({
  subject: z.string(),
  regNo: z.string(),
  name: z.string(),
  unit: z.string().nullable(),
  /** The newest record of each step (by step key); a missing key: never recorded. */
  steps: z.record(z.string(), StepRecordView),
  /** Required steps not done yet (keys, in the programme's order). */
  missing: z.array(z.string()),
  /** The member's valid membership certificate, if one was issued. */
  certificate: z.object({ serial: z.string(), validUntil: z.string().nullable() }).nullable(),
});
export type MemberSteps = z.infer<typeof MemberSteps>;

export const MembershipBoard = z.object({
  /** The membership certificate kind's steps; empty: the programme lists none (no gate). */
  steps: z.array(MembershipStepDef),
  /**
   * Steps members have records of that the programme no longer lists (removed in Setup): their
   * records are kept and shown as "no longer in the programme", and no longer hold anyone back.
   */
  retired: z.array(MembershipStepDef),
  members: z.array(MemberSteps),
});
export type MembershipBoard = z.infer<typeof MembershipBoard>;

const Text = (max: number) => z.string().trim().max(max);

export const membershipChannels = {
  /** The selected members of a published committee result and where each stands. */
  'membership:board': { request: z.object({ campaignId: Id }).strict(), response: MembershipBoard },
  /** Records one step of one member (appended; audited). */
  'membership:record': {
    request: z
      .object({
        campaignId: Id,
        subject: z.string().min(1).max(200),
        step: z.string().min(1).max(40),
        doneOn: Day.nullable(),
        platform: Text(100).optional(),
        account: Text(200).optional(),
        link: Text(2000).optional(),
        verified: z.boolean().default(false),
        note: Text(2000).default(''),
        /** A PNG or JPEG (≤ 5 MB) of the account page or the published work. */
        screenshot: ImportSource.optional(),
      })
      .strict(),
    response: MemberSteps,
  },
  /** Every record of one member's step, newest first. */
  'membership:history': { request: z.object({ campaignId: Id, subject: z.string().min(1).max(200), step: z.string().min(1).max(40) }).strict(), response: z.array(StepRecordView) },
  /** A screenshot kept with a record, as a data URL. */
  'membership:screenshot': { request: z.object({ campaignId: Id, sha256: z.string().regex(/^[0-9a-f]{64}$/) }).strict(), response: z.object({ dataUrl: z.string() }) },
} as const satisfies ChannelMap;
