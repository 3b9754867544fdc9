// The renderer's side of the desktop paths (issue 21) in the desktop app: exports go to the bridge
// ("Save as…" with the file the export wrote, "Show in folder", printing that file, never bytes),
// and the menu's commands open Settings or the picked package. window.kepu is a recorder here.
import { describe, expect, it, vi } from 'vitest';
import type { KepuBridge, MenuCommand } from '../../../src-main/contract';

const calls: unknown[][] = [];
let menuListener: ((command: MenuCommand) => void) | null = null;
const bridge: Partial<KepuBridge> = {
  shell: 'electron',
  saveAs: async (filePath, label) => (calls.push(['saveAs', filePath, label]), { savedTo: '/home/zhang/Desktop/roster.xlsx' }),
  showInFolder: async (filePath) => void calls.push(['showInFolder', filePath]),
  printFile: async (filePath) => (calls.push(['printFile', filePath]), true),
  onMenuCommand: (listener) => {
    menuListener = listener;
    return () => (menuListener = null);
  },
};
vi.stubGlobal('window', { kepu: bridge });

const api = await import('../../../src-renderer/src/api');
const { carryOutMenuCommand } = await import('../../../src-renderer/src/hooks/useMenuCommands');

describe('exports in the desktop app', () => {
  it('hands the written file to the bridge: save as, show in folder, print', async () => {
    const file = '/data/Kepu Review/exports/certificates/c1/certificates-award-2026-12-03.pdf';
    expect(await api.saveExportAs(file, 'certificates-award-2026-12-03.pdf', 'PDF 文件')).toEqual({ savedTo: '/home/zhang/Desktop/roster.xlsx' });
    const reveal = api.exportRevealer();
    expect(reveal).not.toBeNull();
    await reveal!(file);
    expect(await api.printExport(file)).toBe(true);
    expect(calls).toEqual([
      ['saveAs', file, 'PDF 文件'],
      ['showInFolder', file],
      ['printFile', file],
    ]);
  });

  it('passes menu commands on, and stops when unsubscribed', () => {
    const seen: MenuCommand[] = [];
    const stop = api.onMenuCommand((c) => seen.push(c));
    menuListener?.({ kind: 'backup' });
    stop();
    expect(menuListener).toBeNull();
    expect(seen).toEqual([{ kind: 'backup' }]);
  });
});

describe('menu commands', () => {
  const deps = () => {
    const log: unknown[] = [];
    return {
      log,
      go: (view: unknown) => void log.push(['go', view]),
      run: async <T>(work: () => Promise<T>) => {
        try {
          return await work();
        } catch (error) {
          log.push(['error', (error as Error).message]);
          return undefined;
        }
      },
      openPackage: async (path: string) => {
        if (path.endsWith('bad.kepupkg')) throw new Error('PACKAGE_SIGNATURE_INVALID');
        log.push(['open', path]);
        return { campaignId: 'c9' } as never;
      },
      remember: (outcome: unknown) => void log.push(['remember', outcome]),
      refreshCampaigns: async () => void log.push(['refresh']),
    };
  };

  it('Back up… opens Settings', async () => {
    const d = deps();
    await carryOutMenuCommand({ kind: 'backup' }, d);
    expect(d.log).toEqual([['go', { name: 'settings' }]]);
  });

  it('Open review package… opens it and goes to its campaign; a bad package ends in the banner', async () => {
    const d = deps();
    await carryOutMenuCommand({ kind: 'openPackage', path: 'E:\\评审包\\张伟.kepupkg' }, d);
    expect(d.log).toEqual([['open', 'E:\\评审包\\张伟.kepupkg'], ['remember', { campaignId: 'c9' }], ['refresh'], ['go', { name: 'campaign', campaignId: 'c9' }]]);
    const bad = deps();
    await carryOutMenuCommand({ kind: 'openPackage', path: '/media/usb/bad.kepupkg' }, bad);
    expect(bad.log).toEqual([['error', 'PACKAGE_SIGNATURE_INVALID']]);
  });
});
