// The desktop app's menu speaks to the page (electron/menu.ts): File › Back up… opens Settings,
// where backups are made; File › Open review package… opens the picked package as the panel on
// the start screen does (a package from another coordinator key ends in the error banner: open it
// from that panel to choose). Nothing happens in the browser shell, which has no menu.
import { useEffect } from 'react';
import type { MenuCommand } from '../../../src-main/contract';
import { invoke, onMenuCommand } from '../api';
import type { View } from '../stores/useAppStore';
import { useAppStore } from '../stores/useAppStore';
import { type PackageOpenOutcome, usePackageStore } from '../stores/usePackageStore';

export interface MenuCommandDeps {
  go(view: View): void;
  run<T>(work: () => Promise<T>): Promise<T | undefined>;
  openPackage(path: string): Promise<PackageOpenOutcome>;
  remember(outcome: PackageOpenOutcome): void;
  refreshCampaigns(): Promise<void>;
}

/** Carries out one menu command (separate from the hook so it is tested without React). */
export async function carryOutMenuCommand(command: MenuCommand, deps: MenuCommandDeps): Promise<void> {
  if (command.kind === 'backup') {
    deps.go({ name: 'settings' });
    return;
  }
  await deps.run(async () => {
    const opened = await deps.openPackage(command.path);
    deps.remember(opened);
    await deps.refreshCampaigns();
    deps.go({ name: 'campaign', campaignId: opened.campaignId });
  });
}

export function useMenuCommands(): void {
  useEffect(
    () =>
      onMenuCommand((command) => {
        const { go, run, refreshCampaigns } = useAppStore.getState();
        void carryOutMenuCommand(command, { go, run, refreshCampaigns, remember: usePackageStore.getState().remember, openPackage: (path) => invoke('package:open', { path }) });
      }),
    [],
  );
}
