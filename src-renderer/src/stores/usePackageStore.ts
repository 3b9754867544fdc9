// The outcome of the last package the judge opened, kept across the jump from the campaign list to
// the campaign it went into, so the campaign can say what changed ("updated", "already open",
// "opened separately"). Cleared when dismissed.
import { create } from 'zustand';
import type { ResponseOf } from '../../../src-main/contract';

export type PackageOpenOutcome = ResponseOf<'package:open'>;

interface PackageState {
  lastOpen: PackageOpenOutcome | null;
  remember(outcome: PackageOpenOutcome): void;
  dismiss(): void;
}

export const usePackageStore = create<PackageState>((set) => ({
  lastOpen: null,
  remember: (outcome) => set({ lastOpen: outcome }),
  dismiss: () => set({ lastOpen: null }),
}));
