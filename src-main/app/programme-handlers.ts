// Programme files in the app: show a built-in template whole, check a file, create a campaign from
// one, export a campaign's definition as one. A campaign created from a file remembers the file's
// description and source, so exporting it gives back the same programme. The notice's attachment
// files travel in the programme file and are stored with the campaign made from it.
import type { CampaignTemplate, Handlers, ProgrammeFile } from '../contract';
import { PROGRAMME_EXTENSION, PROGRAMME_FORMAT } from '../contract/programme-format';
import { blankDefinition } from '../core/campaigns/blank-definition';
import { createFromProgramme } from '../core/campaigns/campaign-with-files';
import { noticeFilesWithBytes } from '../core/campaigns/notice-files';
import { checkProgramme, programmeBytes, readProgramme, toAttachments } from '../core/campaigns/programme-file';
import type { AppContext } from './context';
import { saveExport } from './export-file';

/** The programme id a campaign started from nothing records (and its exported file carries). */
const BLANK_PROGRAMME_ID = 'own-programme';

type ProgrammeChannels = 'template:show' | 'programme:check' | 'campaign:createFromProgramme' | 'campaign:createBlank' | 'campaign:exportProgramme';

function asProgramme(template: CampaignTemplate): ProgrammeFile {
  return { format: PROGRAMME_FORMAT, ...template };
}

/** A file name people recognise: the campaign's name in the current reading, made safe for Windows. */
function programmeFileName(name: string): string {
  return `${name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').trim().slice(0, 120) || 'programme'}${PROGRAMME_EXTENSION}`;
}

export function programmeHandlers(ctx: AppContext): Pick<Handlers, ProgrammeChannels> {
  const actor = () => ctx.identity.status().name ?? 'local';
  return {
    'template:show': ({ templateId }) => asProgramme(ctx.templates.get(templateId)),
    'programme:check': ({ file }) => {
      const { parsed: _parsed, ...check } = checkProgramme(Buffer.from(file.contentBase64, 'base64'), file.fileName);
      return check;
    },
    'campaign:createFromProgramme': ({ file, name }) => {
      const programme = readProgramme(Buffer.from(file.contentBase64, 'base64'), file.fileName);
      // One transaction: a campaign is never left without the attachments its file carried.
      return createFromProgramme(ctx.db, ctx.campaigns, programme, name, file.fileName, actor);
    },
    'campaign:createBlank': ({ kind, name, host }) =>
      ctx.campaigns.create(BLANK_PROGRAMME_ID, blankDefinition(kind, name, host), undefined, undefined, { description: name, source: '' }),
    'campaign:exportProgramme': ({ campaignId }) => {
      const summary = ctx.campaigns.summary(campaignId);
      const known = ctx.campaigns.programme(campaignId) ?? builtInInfo(ctx, summary.templateId);
      const programme: ProgrammeFile = {
        format: PROGRAMME_FORMAT,
        id: summary.templateId,
        description: known?.description ?? summary.name,
        source: known?.source ?? '',
        definition: ctx.campaigns.definition(campaignId),
        attachments: toAttachments(noticeFilesWithBytes(ctx.db, campaignId).map(({ info, bytes }) => ({ ...info, bytes }))),
      };
      return saveExport(ctx, programmeFileName(summary.name['zh-CN']), programmeBytes(programme), 'application/json');
    },
  };
}

function builtInInfo(ctx: AppContext, templateId: string): { description: ProgrammeFile['description']; source: string } | null {
  try {
    const template = ctx.templates.get(templateId);
    return { description: template.description, source: template.source };
  } catch {
    return null; // a campaign opened from a review package: its programme is the coordinator's
  }
}
