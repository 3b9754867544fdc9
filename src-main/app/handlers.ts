// Every contract channel, implemented once, all modules loaded up front: the Electron main process,
// the tests and the benches use this table. The CLI loads the same groups one at a time, when a
// channel of the group is first called (handler-table.ts); a test checks that both tables hold the
// same handlers for every channel. Shells never add logic: they only carry requests here.
import type { Handlers } from '../contract';
import type { AppContext } from './context';
import { guardHandlers } from './handler-guards';
// Every service module loaded up front, as every handler is (services.ts).
import './eager-services';
import { basicHandlers } from './basic-handlers';
import { jobHandlers } from './job-handlers';
import { entryHandlers } from './entry-handlers';
import { intakeMediaHandlers } from './intake-media-handlers';
import { programmeHandlers } from './programme-handlers';
import { decisionHandlers } from './decision-handlers';
import { feedbackHandlers } from './feedback-handlers';
import { letterHandlers } from './letter-handlers';
import { showcaseHandlers } from './showcase-handlers';
import { backupHandlers } from './backup-handlers';
import { definitionHandlers } from './definition-handlers';
import { reviewHandlers } from './review-handlers';
import { assignmentHandlers } from './assignment-handlers';
import { exchangeHandlers } from './exchange-handlers';
import { identityHandlers } from './identity-handlers';
import { rankingHandlers } from './ranking-handlers';
import { certificateHandlers } from './certificate-handlers';
import { lifecycleHandlers } from './campaign-lifecycle-handlers';
import { noticeFileHandlers } from './notice-file-handlers';
import { auditHandlers } from './audit-handlers';
import { moderationHandlers } from './moderation-handlers';
import { formalCheckHandlers } from './formal-check-handlers';
import { shortlistHandlers } from './shortlist-handlers';
import { roundHandlers } from './round-handlers';
import { shortlistFileHandlers } from './shortlist-file-handlers';
import { noticeHandlers } from './notice-handlers';
import { scoresHandlers } from './scores-handlers';
import { progressHandlers } from './progress-handlers';
import { membershipHandlers } from './membership-handlers';
import { rosterHandlers } from './roster-handlers';
import { intakeFileHandlers } from './intake-file-handlers';
import { reachHandlers } from './reach-handlers';

export function createHandlers(ctx: AppContext): Handlers {
  return guardHandlers(ctx, {
    ...basicHandlers(ctx),
    ...jobHandlers(ctx),
    ...entryHandlers(ctx),
    ...intakeMediaHandlers(ctx),
    ...programmeHandlers(ctx),
    ...decisionHandlers(ctx),
    ...feedbackHandlers(ctx),
    ...letterHandlers(ctx),
    ...showcaseHandlers(ctx),
    ...backupHandlers(ctx),
    ...definitionHandlers(ctx),
    ...reviewHandlers(ctx),
    ...assignmentHandlers(ctx),
    ...identityHandlers(ctx),
    ...exchangeHandlers(ctx),
    ...rankingHandlers(ctx),
    ...certificateHandlers(ctx),
    ...lifecycleHandlers(ctx),
    ...noticeFileHandlers(ctx),
    ...auditHandlers(ctx),
    ...moderationHandlers(ctx),
    ...formalCheckHandlers(ctx),
    ...shortlistHandlers(ctx),
    ...roundHandlers(ctx),
    ...shortlistFileHandlers(ctx),
    ...noticeHandlers(ctx),
    ...scoresHandlers(ctx),
    ...progressHandlers(ctx),
    ...membershipHandlers(ctx),
    ...rosterHandlers(ctx),
    ...intakeFileHandlers(ctx),
    ...reachHandlers(ctx),
  });
}
