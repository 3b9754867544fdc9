import type { CampaignDetail } from '../../../src-main/contract';
import { ComplianceReportView } from './ComplianceReportView';
import { MediaLinkPanel } from './MediaLinkPanel';

export function MediaView({ campaign, onChanged, onOpenEntry }: { campaign: CampaignDetail; onChanged(): void; onOpenEntry(id: number): void }) {
  return (
    <div className="media-view" data-testid="media-view">
      <MediaLinkPanel
        campaign={campaign}
        onChecked={onChanged /* invalidates the campaign's reads: the report below reads again */}
      />
      <ComplianceReportView campaign={campaign} onOpenEntry={onOpenEntry} />
    </div>
  );
}
