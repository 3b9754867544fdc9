// The campaign's tabs and a way for anything inside a tab to open another one (an empty state's
// button, a link in a hint) without passing callbacks through every component in between.
import { createContext, useContext } from 'react';

export type CampaignTab = 'entries' | 'review' | 'import' | 'media' | 'formal' | 'exchange' | 'ranking' | 'notice' | 'certificates' | 'overview' | 'setup' | 'record';

export const OpenCampaignTabContext = createContext<((tab: CampaignTab) => void) | null>(null);

/** Opens another tab of the campaign on screen (a no-op outside a campaign view). */
export function useOpenCampaignTab(): (tab: CampaignTab) => void {
  return useContext(OpenCampaignTabContext) ?? (() => {});
}

/** Makes the campaign open on this tab next time it is shown (e.g. a new blank programme on Setup). */
export function openCampaignOnTab(campaignId: string, tab: CampaignTab): void {
  sessionStorage.setItem(`kepu.tab.${campaignId}`, tab);
}
