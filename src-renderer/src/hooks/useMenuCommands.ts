// The desktop app's menu speaks to the page (electron/menu.ts): File › Back up… opens Settings,
// where backups are made; File › Open review package… opens the picked package as the panel on
// the start screen does (a package from another coordinator key ends in the error banner: open it
// from that panel to choose). Nothing happens in the browser shell, which has no menu.
import { useEffect } from 'react';
import { invoke, onMenuCommand } from '../api';
import { useAppStore } from '../stores/useAppStore';
import { usePackageStore } from '../stores/usePackageStore';

export function useMenuCommands(): void {
  useEffect(
    () =>
      onMenuCommand((command) => {
        const { go, run, refreshCampaigns } = useAppStore.getState();
        if (command.kind === 'backup') {
          go({ name: 'settings' });
          return;
        }
        void run(async () => {
          const opened = await invoke('package:open', { path: command.path });
          usePackageStore.getState().remember(opened);
          await refreshCampaigns();
          go({ name: 'campaign', campaignId: opened.campaignId });
        });
      }),
    [],
  );
}
