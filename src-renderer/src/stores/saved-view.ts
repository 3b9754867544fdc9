// The current screen survives a reload (Ctrl+R, a crash of the page) within the same window. Apart
// from the app store so the entry script can tell, before the app's code arrives, whether the
// first screen is the campaign list (first-reads.ts).

export type View = { name: 'campaigns' } | { name: 'campaign'; campaignId: string } | { name: 'settings' } | { name: 'verify' } | { name: 'roster' };

export const VIEW_KEY = 'kepu.view';

export function savedView(): View {
  try {
    const raw = JSON.parse(sessionStorage.getItem(VIEW_KEY) ?? 'null') as View | null;
    if (raw && (raw.name === 'campaigns' || raw.name === 'settings' || raw.name === 'verify' || raw.name === 'roster' || (raw.name === 'campaign' && typeof raw.campaignId === 'string'))) return raw;
  } catch {
    /* a damaged value: start at the campaign list */
  }
  return { name: 'campaigns' };
}
