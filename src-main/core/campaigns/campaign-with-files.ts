// Campaigns created together with their notice's attachment files, each in one transaction: a
// campaign is never left without the attachments its programme file (or the edition it follows)
// carried. `actor` names who added them in the audit log; it is asked for when a file is added.
import type { Database } from 'better-sqlite3';
import type { CampaignDefinition, CampaignSummary, LocalizedText, ProgrammeFile } from '../../contract';
import type { CampaignRepo } from './campaign-repo';
import { addNoticeFile, copyNoticeFiles } from './notice-files';
import { attachmentFiles } from './programme-file';

/** A campaign from a programme file (`fileName`, recorded as each attachment's origin). */
export function createFromProgramme(
  db: Database,
  campaigns: CampaignRepo,
  programme: ProgrammeFile,
  name: LocalizedText | undefined,
  fileName: string,
  actor: () => string,
): CampaignSummary {
  return db.transaction(() => {
    const created = campaigns.create(programme.id, programme.definition, name, undefined, { description: programme.description, source: programme.source });
    for (const attachment of attachmentFiles(programme)) addNoticeFile(db, created.id, attachment, actor(), { origin: { programmeFile: fileName } });
    return created;
  })();
}

/** Next year's edition of `from` (its definition already moved on by new-edition.ts). */
export function createNewEdition(db: Database, campaigns: CampaignRepo, from: CampaignSummary, definition: CampaignDefinition, actor: () => string): CampaignSummary {
  return db.transaction(() => {
    const created = campaigns.create(from.templateId, definition, undefined, undefined, campaigns.programme(from.id) ?? undefined);
    copyNoticeFiles(db, from.id, created.id, actor());
    return created;
  })();
}
