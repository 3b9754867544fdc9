// Levels (issue 14): a round's shortlist exported as a signed .kepulist file, and such a file
// inspected and imported as entries of a campaign. Importing adds entries, so it is refused while
// the published result does not allow changes to entries (as importing registrations is).
import type { Handlers } from '../contract';
import { exportShortlistFile } from '../core/shortlist/shortlist-file-export';
import { importShortlistFile, inspectShortlistFile } from '../core/shortlist/shortlist-file-import';
import type { AppContext } from './context';
import { saveExport } from './export-file';

type ShortlistFileChannels = 'shortlist:exportFile' | 'shortlist:inspectFile' | 'shortlist:importFile';

const fileOf = (source: { fileName: string; contentBase64: string }) => ({ fileName: source.fileName, bytes: Buffer.from(source.contentBase64, 'base64') });

export function shortlistFileHandlers(ctx: AppContext): Pick<Handlers, ShortlistFileChannels> {
  const actor = () => ctx.identity.status().name ?? 'local';
  return {
    'shortlist:exportFile': ({ campaignId, listKey, roundNo }) => {
      const out = exportShortlistFile(ctx, { campaignId, listKey, roundNo });
      return { ...saveExport(ctx, out.fileName, out.bytes, 'application/vnd.kepu.shortlist+json'), entries: out.entries };
    },
    'shortlist:inspectFile': ({ campaignId, file }) => inspectShortlistFile(ctx, campaignId, fileOf(file)),
    'shortlist:importFile': ({ campaignId, file }) => {
      ctx.campaigns.summary(campaignId);
      ctx.publishedChanges.assertMayChange(campaignId, 'entries');
      return importShortlistFile(ctx, campaignId, fileOf(file), actor());
    },
  };
}
