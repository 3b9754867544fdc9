import { useState } from 'react';
import type { CampaignDetail } from '../../../src-main/contract';
import { ComplianceReportView } from './ComplianceReportView';
import { MediaLinkPanel } from './MediaLinkPanel';

export function MediaView({ campaign, onChanged, onOpenEntry }: { campaign: CampaignDetail; onChanged(): void; onOpenEntry(id: number): void }) {
  const [version, setVersion] = useState(0);
  return (
    <div className="media-view" data-testid="media-view">
      <MediaLinkPanel
        campaign={campaign}
        onChecked={() => {
          setVersion((v) => v + 1);
          onChanged();
        }}
      />
      <ComplianceReportView campaign={campaign} version={version} onOpenEntry={onOpenEntry} />
    </div>
  );
}
