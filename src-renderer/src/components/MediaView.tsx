import { useTranslation } from 'react-i18next';
import type { CampaignDetail } from '../../../src-main/contract';
import { EmptyState } from './EmptyState';
import { ComplianceReportView } from './ComplianceReportView';
import { MediaLinkPanel } from './MediaLinkPanel';

export function MediaView({ campaign, onChanged, onOpenEntry }: { campaign: CampaignDetail; onChanged(): void; onOpenEntry(id: number): void }) {
  const { t } = useTranslation();
  // Media are checked against entries: with none yet, the tab says to import them first.
  if (Object.values(campaign.counts.byKind).reduce((n, c) => n + c, 0) === 0) {
    return <EmptyState testId="empty-media" text={t('empty.media.text')} actionLabel={t('empty.media.action')} tab="import" />;
  }
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
