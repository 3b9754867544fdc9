// "Show this file" from the eligibility checklist (issue 16): a judge reading "practising doctor"
// clicks the 执业证书 tied to it and the preview opens that file. The checklist and the preview are
// far apart in the tree; this store carries the request between them. `at` orders it against the
// judge's own tab clicks: whichever came last decides what the preview shows.
import { create } from 'zustand';

export interface EvidenceFocus {
  assetId: number;
  at: number;
}

interface EvidenceFocusState {
  focus: EvidenceFocus | null;
  show(assetId: number): void;
}

let counter = 0;
/** A strictly increasing stamp (two clicks in the same millisecond still differ). */
export function focusStamp(): number {
  counter = Math.max(counter + 1, Date.now());
  return counter;
}

export const useEvidenceFocusStore = create<EvidenceFocusState>((set) => ({
  focus: null,
  show: (assetId) => set({ focus: { assetId, at: focusStamp() } }),
}));
