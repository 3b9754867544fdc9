// What a tab with nothing in it yet shows: one sentence saying what to do next and the button
// that does it (usually: open the tab where that happens). Every tab uses this one component so
// the empty states look and read alike.
import { type CampaignTab, useOpenCampaignTab } from './campaignTabs';

interface Props {
  /** One translated sentence: what is missing and what to do. */
  text: string;
  /** The button's translated label. */
  actionLabel?: string;
  /** Where the button goes: another tab of the campaign… */
  tab?: CampaignTab;
  /** …or something done in place. */
  onAction?(): void;
  testId: string;
  /** The button's test id when a spec already knows it by another name. */
  actionTestId?: string;
}

export function EmptyState({ text, actionLabel, tab, onAction, testId, actionTestId }: Props) {
  const openTab = useOpenCampaignTab();
  const act = onAction ?? (tab ? () => openTab(tab) : undefined);
  return (
    <div className="empty-state panel" role="status" data-testid={testId}>
      <p className="empty-state-text">{text}</p>
      {actionLabel && act && (
        <button type="button" className="primary" onClick={act} data-testid={actionTestId ?? `${testId}-action`}>
          {actionLabel}
        </button>
      )}
    </div>
  );
}
