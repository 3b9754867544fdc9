// Committee membership steps (issue 17): the board, recording a step (appended, audited under the
// coordinator's name), a step's history and a kept screenshot.
import type { Handlers } from '../contract';
import { KepuError } from '../core/errors';
import { membershipBoard } from '../core/certificates/membership-board';
import { recordStep, screenshotDataUrl, stepHistory } from '../core/certificates/membership-steps';
import { certificateWording } from './certificate-handlers';
import type { AppContext } from './context';

type MembershipChannels = 'membership:board' | 'membership:record' | 'membership:history' | 'membership:screenshot';

export function membershipHandlers(ctx: AppContext): Pick<Handlers, MembershipChannels> {
  const wording = certificateWording();
  return {
    'membership:board': ({ campaignId }) => membershipBoard(ctx.db, campaignId, wording),
    'membership:record': ({ screenshot, ...input }) => {
      const board = membershipBoard(ctx.db, input.campaignId, wording);
      // Only a selected member of the published result has steps.
      if (!board.members.some((m) => m.subject === input.subject)) {
        throw new KepuError('MEMBERSHIP_NOT_A_MEMBER', `membership: ${input.subject} is not a selected member`, { member: input.subject.replace(/^entry:/, '') });
      }
      const bytes = screenshot ? Buffer.from(screenshot.contentBase64, 'base64') : undefined;
      recordStep(ctx.db, ctx.campaigns.definition(input.campaignId), { ...input, screenshot: bytes }, ctx.identity.status().name ?? 'local');
      const after = membershipBoard(ctx.db, input.campaignId, wording).members.find((m) => m.subject === input.subject);
      if (!after) throw new KepuError('MEMBERSHIP_NOT_A_MEMBER', `membership: ${input.subject} is not a selected member`, { member: input.subject.replace(/^entry:/, '') });
      return after;
    },
    'membership:history': ({ campaignId, subject, step }) => stepHistory(ctx.db, campaignId, subject, step),
    'membership:screenshot': ({ campaignId, sha256 }) => ({ dataUrl: screenshotDataUrl(ctx.db, campaignId, sha256) }),
  };
}
