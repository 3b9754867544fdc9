// Desktop paths of issue 21 where no Electron binary runs: the window's remembered place (pure,
// with simulated displays, and its real file), the application menu in both languages, "Save as…",
// "Show in folder" and printing an export from its own file. Electron's API objects are recorders;
// the shell modules, the files and the locale texts are real.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { createNodeI18n } from '../../../src-main/app/translate';
import { isMenuCommand, MENU_COMMAND_CHANNEL } from '../../../src-main/contract';
import { tempDir } from '../../helpers';

type Handler = (...args: never[]) => unknown;

const rec = vi.hoisted(() => ({
  ipc: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
  saveTo: null as string | null,
  saveDialogs: [] as unknown[],
  openPicked: null as string | null,
  shown: [] as string[],
  opened: [] as string[],
  messageBoxes: [] as unknown[],
  sent: [] as [string, unknown][],
  menu: null as unknown,
  windows: [] as unknown[],
  partitions: new Map<string, { protocols: Map<string, Handler>; handlers: Record<string, Handler> }>(),
}));

vi.mock('electron', () => {
  class FakeWindow {
    readonly events = new Map<string, Handler>();
    readonly onceEvents = new Map<string, Handler>();
    loaded = '';
    printed: unknown[] = [];
    readonly webContents = {
      on: (event: string, fn: Handler) => this.events.set(event, fn),
      once: (event: string, fn: Handler) => this.onceEvents.set(event, fn),
      setWindowOpenHandler: () => {},
      print: (options: unknown) => this.printed.push(options),
      send: (channel: string, payload: unknown) => rec.sent.push([channel, payload]),
    };
    constructor(readonly options: { webPreferences: Record<string, unknown> } & Record<string, unknown>) {
      rec.windows.push(this);
    }
    on(event: string, fn: Handler) {
      this.events.set(`window:${event}`, fn);
    }
    loadURL(url: string) {
      this.loaded = url;
      return Promise.resolve();
    }
    isDestroyed() {
      return false;
    }
  }
  const fakeSession = () => {
    const protocols = new Map<string, Handler>();
    const handlers: Record<string, Handler> = {};
    return {
      protocols,
      handlers,
      protocol: { handle: (scheme: string, fn: Handler) => protocols.set(scheme, fn) },
      setPermissionRequestHandler: (fn: Handler) => (handlers.request = fn),
      setPermissionCheckHandler: (fn: Handler) => (handlers.check = fn),
      setDevicePermissionHandler: (fn: Handler) => (handlers.device = fn),
    };
  };
  return {
    app: { isPackaged: false, getVersion: () => '0.1.0' },
    BrowserWindow: Object.assign(FakeWindow, { fromWebContents: () => null }),
    dialog: {
      showSaveDialog: async (options: unknown) => (rec.saveDialogs.push(options), rec.saveTo ? { canceled: false, filePath: rec.saveTo } : { canceled: true, filePath: '' }),
      showOpenDialog: async () => (rec.openPicked ? { canceled: false, filePaths: [rec.openPicked] } : { canceled: true, filePaths: [] }),
      showMessageBox: async (options: unknown) => (rec.messageBoxes.push(options), { response: 0 }),
    },
    shell: { showItemInFolder: (file: string) => rec.shown.push(file), openPath: async (dir: string) => (rec.opened.push(dir), '') },
    ipcMain: { handle: (channel: string, fn: never) => rec.ipc.set(channel, fn) },
    Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: (menu: unknown) => (rec.menu = menu) },
    session: {
      fromPartition: (name: string) => {
        if (!rec.partitions.has(name)) rec.partitions.set(name, fakeSession());
        return rec.partitions.get(name);
      },
    },
    protocol: { registerSchemesAsPrivileged: () => {} },
  };
});

const { restoreWindow, loadWindowState, saveWindowState, trackWindowState, WINDOW_STATE_FILE } = await import('../../../src-main/electron/window-state');
const { menuTemplate, aboutText, installApplicationMenu } = await import('../../../src-main/electron/menu');
const { registerIpc } = await import('../../../src-main/electron/ipc');
const { PrintWindows } = await import('../../../src-main/electron/print');

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

const laptop = { x: 0, y: 0, width: 1440, height: 860 };
const monitorOnTheRight = { x: 1440, y: 0, width: 2560, height: 1400 };

describe('the remembered window place', () => {
  it('opens at the default size, centred by the OS, the first time', () => {
    expect(restoreWindow(null, [laptop])).toEqual({ bounds: { width: 1366, height: 860 }, maximized: false });
  });

  it('opens where it was left when that place is on a display', () => {
    const saved = { x: 40, y: 30, width: 1200, height: 780, maximized: false };
    expect(restoreWindow(saved, [laptop])).toEqual({ bounds: { x: 40, y: 30, width: 1200, height: 780 }, maximized: false });
    const onMonitor = { x: 2000, y: 100, width: 1600, height: 1000, maximized: true };
    expect(restoreWindow(onMonitor, [laptop, monitorOnTheRight])).toEqual({ bounds: { x: 2000, y: 100, width: 1600, height: 1000 }, maximized: true });
  });

  it('comes back to the laptop when the second monitor it was on is gone, keeping its size where it fits', () => {
    const onMonitor = { x: 2000, y: 100, width: 1600, height: 1000, maximized: true };
    const restored = restoreWindow(onMonitor, [laptop]);
    expect(restored).toEqual({ bounds: { width: 1440, height: 860 }, maximized: true });
    expect(restored.bounds.x).toBeUndefined();
  });

  it('pulls a window hanging over an edge back in and shrinks one larger than its display', () => {
    expect(restoreWindow({ x: 1000, y: 500, width: 1200, height: 700, maximized: false }, [laptop]).bounds).toEqual({ x: 240, y: 160, width: 1200, height: 700 });
    expect(restoreWindow({ x: 0, y: 0, width: 3000, height: 2000, maximized: false }, [laptop]).bounds).toEqual({ x: 0, y: 0, width: 1440, height: 860 });
    // The title bar above the top of every display cannot be grabbed: not restored there.
    expect(restoreWindow({ x: 100, y: -500, width: 1200, height: 700, maximized: false }, [laptop]).bounds.x).toBeUndefined();
    // Only a sliver of the title bar on screen (the rest beyond the left edge) is not reachable either.
    expect(restoreWindow({ x: -1150, y: 100, width: 1200, height: 700, maximized: false }, [laptop]).bounds.x).toBeUndefined();
  });

  it('keeps the state in window-state.json in the data folder, and ignores a damaged one', () => {
    const dataDir = tempDir('kepu-window-');
    dirs.push(dataDir);
    expect(loadWindowState(dataDir)).toBeNull();
    saveWindowState(dataDir, { x: 12.4, y: 20, width: 1300, height: 800 }, true);
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, WINDOW_STATE_FILE), 'utf8'))).toEqual({ x: 12, y: 20, width: 1300, height: 800, maximized: true });
    expect(loadWindowState(dataDir)).toEqual({ x: 12, y: 20, width: 1300, height: 800, maximized: true });
    fs.writeFileSync(path.join(dataDir, WINDOW_STATE_FILE), '{"x": "left"');
    expect(loadWindowState(dataDir)).toBeNull();
  });

  it('saves the normal bounds and the maximized state when the window closes and after it moved', async () => {
    const dataDir = tempDir('kepu-window-');
    dirs.push(dataDir);
    const listeners = new Map<string, () => void>();
    let maximized = false;
    const win = {
      getNormalBounds: () => ({ x: 100, y: 80, width: 1280, height: 800 }),
      isMaximized: () => maximized,
      isDestroyed: () => false,
      on: (event: string, fn: () => void) => listeners.set(event, fn),
    };
    trackWindowState(win, dataDir, 10);
    listeners.get('move')!();
    expect(loadWindowState(dataDir)).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(loadWindowState(dataDir)).toEqual({ x: 100, y: 80, width: 1280, height: 800, maximized: false });
    maximized = true;
    listeners.get('close')!();
    expect(loadWindowState(dataDir)?.maximized).toBe(true);
  });
});

function labelsOf(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => {
    if (item.type === 'separator') return [];
    const own = [item.label ?? `(no label: ${item.role ?? '?'})`];
    return Array.isArray(item.submenu) ? [...own, ...labelsOf(item.submenu)] : own;
  });
}

describe('the application menu', () => {
  const noop = { openFile: () => {}, backup: () => {}, openDataFolder: () => {}, about: () => {} };
  for (const language of ['zh-CN', 'en'] as const) {
    it(`is translated in ${language}: every item labelled, no key shown`, () => {
      const i18n = createNodeI18n(language);
      const t = i18n.t.bind(i18n) as (key: string, params?: Record<string, string>) => string;
      for (const platform of ['win32', 'darwin', 'linux'] as const) {
        for (const isDev of [true, false]) {
          const labels = labelsOf(menuTemplate(t, { platform, isDev, appName: t('app.name') }, noop));
          for (const label of labels) {
            expect(label, `${platform} ${label}`).not.toMatch(/^\(no label|menu\.|\{\{|undefined/);
            // zh-CN falls back to English silently: a Chinese label must really be Chinese.
            if (language === 'zh-CN') expect(label, label).toMatch(/[\u4e00-\u9fff]/);
            else expect(label, label).not.toMatch(/[\u4e00-\u9fff]/);
          }
        }
      }
    });
  }

  it('puts the app menu first on macOS, File first elsewhere; reload only in development', () => {
    const t = (key: string) => key.replace('menu.', '#');
    const mac = menuTemplate(t, { platform: 'darwin', isDev: false, appName: 'Kepu Review' }, noop);
    expect(mac.map((m) => m.label)).toEqual(['Kepu Review', '#file', '#edit', '#view', '#window', '#help']);
    const win = menuTemplate(t, { platform: 'win32', isDev: false, appName: 'Kepu Review' }, noop);
    expect(win.map((m) => m.label)).toEqual(['#file', '#edit', '#view', '#help']);
    const roles = (items: MenuItemConstructorOptions[]) => items.flatMap((i) => (Array.isArray(i.submenu) ? i.submenu.map((s) => s.role) : []));
    expect(roles(win)).toEqual(expect.arrayContaining(['quit', 'undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']));
    expect(roles(win)).not.toContain('reload');
    expect(roles(menuTemplate(t, { platform: 'win32', isDev: true, appName: 'K' }, noop))).toContain('reload');
    const file = win[0].submenu as MenuItemConstructorOptions[];
    expect(file.map((i) => i.label ?? i.type)).toEqual(['#openFile', '#backup', 'separator', '#openDataFolder', 'separator', '#quit']);
  });

  it('forwards only well-formed commands to the page (the preload checks each)', () => {
    expect(isMenuCommand({ kind: 'backup' })).toBe(true);
    expect(isMenuCommand({ kind: 'openPackage', path: 'C:\\评审\\张伟.kepupkg' })).toBe(true);
    for (const bad of [null, 'backup', { kind: 'openPackage' }, { kind: 'openPackage', path: '' }, { kind: 'openPackage', path: 'x'.repeat(5000) }, { kind: 'quit' }]) {
      expect(isMenuCommand(bad), JSON.stringify(bad)?.slice(0, 40)).toBe(false);
    }
  });

  it('sends Back up… and the picked package to the page, opens the data folder, shows About with versions and licences', async () => {
    const i18n = createNodeI18n('en');
    const t = i18n.t.bind(i18n) as (key: string, params?: Record<string, string>) => string;
    const win = { isDestroyed: () => false, webContents: { send: (channel: string, payload: unknown) => rec.sent.push([channel, payload]) } };
    let language: 'en' | 'zh-CN' = 'en';
    const menu = installApplicationMenu({
      translate: () => {
        const i18nNow = createNodeI18n(language);
        return (key, params) => String(i18nNow.t(key, params));
      },
      dataDir: '/data/Kepu Review',
      mainWindow: () => win as never,
    });
    const template = rec.menu as MenuItemConstructorOptions[];
    const item = (label: string) => template.flatMap((m) => m.submenu as MenuItemConstructorOptions[]).find((i) => i.label === label)!;
    const click = (label: string) => (item(label).click as () => void)();
    click('Back up…');
    rec.openPicked = '/media/usb/张伟.kepupkg';
    click('Open review package…');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(rec.sent).toEqual([
      [MENU_COMMAND_CHANNEL, { kind: 'backup' }],
      [MENU_COMMAND_CHANNEL, { kind: 'openPackage', path: '/media/usb/张伟.kepupkg' }],
    ]);
    click('Open data folder');
    expect(rec.opened).toEqual(['/data/Kepu Review']);
    const about = aboutText(t, { appName: 'Kepu Review', version: '0.1.0', electron: '39.0.0', chrome: '142', node: '22.20.0', dataDir: '/data/Kepu Review' });
    expect(about.message).toBe('Kepu Review 0.1.0');
    expect(about.detail).toContain('Electron 39.0.0');
    expect(about.detail).toContain('SIL Open Font License');
    expect(about.detail).toContain('/data/Kepu Review');
    // The language changed in Settings: the menu is rebuilt in it.
    language = 'zh-CN';
    menu.rebuild();
    expect((rec.menu as MenuItemConstructorOptions[]).map((m) => m.label)).toEqual(process.platform === 'darwin' ? ['科普评审', '文件', '编辑', '视图', '窗口', '帮助'] : ['文件', '编辑', '视图', '帮助']);
  });
});

describe('exports in the desktop app', () => {
  const dataDir = tempDir('kepu-exports-');
  dirs.push(dataDir);
  const exportsDir = path.join(dataDir, 'exports');
  fs.mkdirSync(path.join(exportsDir, 'certificates', 'c1'), { recursive: true });
  const batch = path.join(exportsDir, 'certificates', 'c1', 'certificates-award-2026-12-03.pdf');
  fs.writeFileSync(batch, '%PDF-1.7 the batch');
  const roster = path.join(exportsDir, 'roster.xlsx');
  fs.writeFileSync(roster, 'xlsx bytes');
  fs.writeFileSync(path.join(dataDir, 'kepu.db'), 'database');
  const trusted = { senderFrame: { url: 'kepu-app://app/index.html' }, sender: {} };
  const stranger = { senderFrame: { url: 'https://example.com/' }, sender: {} };
  const printWindows = new PrintWindows(dataDir);
  registerIpc(async () => ({ ok: true, value: null }), (url) => url.startsWith('kepu-app://app/'), {
    dataDir,
    openPdf: () => false,
    printFile: (file) => printWindows.print(file),
    assertNotProtected: (target) => {
      if (path.resolve(target) === path.join(dataDir, 'kepu.db')) throw new Error('protected');
    },
    settingsChanged: () => void settingsChanges.push('changed'),
  });
  const settingsChanges: string[] = [];
  const call = (channel: string, event: unknown, ...args: unknown[]) => rec.ipc.get(channel)!(event, ...args);

  it('"Save as…" proposes the export\'s name and copies its bytes where the user chose', async () => {
    const chosen = path.join(tempDir('kepu-chosen-'), '花名册.xlsx');
    dirs.push(path.dirname(chosen));
    rec.saveTo = chosen;
    expect(await call('dialog:save-as', trusted, roster, 'Excel')).toEqual({ savedTo: chosen });
    expect(fs.readFileSync(chosen, 'utf8')).toBe('xlsx bytes');
    expect(rec.saveDialogs.at(-1)).toMatchObject({ defaultPath: 'roster.xlsx', filters: [{ name: 'Excel', extensions: ['xlsx'] }] });
    // The next one proposes the folder chosen last.
    rec.saveTo = path.join(path.dirname(chosen), '证书.pdf');
    expect(await call('dialog:save-as', trusted, batch, 'PDF')).toEqual({ savedTo: rec.saveTo });
    expect(rec.saveDialogs.at(-1)).toMatchObject({ defaultPath: path.join(path.dirname(chosen), path.basename(batch)) });
    expect(fs.readFileSync(rec.saveTo, 'utf8')).toBe('%PDF-1.7 the batch');
    expect(fs.readFileSync(chosen, 'utf8')).toBe('xlsx bytes');
  });

  it('"Save as…" refuses files that are not exports, strangers, a cancelled dialog and the app\'s own files as target', async () => {
    const before = rec.saveDialogs.length;
    expect(await call('dialog:save-as', trusted, path.join(dataDir, 'kepu.db'), 'x')).toBeNull();
    expect(await call('dialog:save-as', trusted, `${exportsDir}/../kepu.db`, 'x')).toBeNull();
    expect(await call('dialog:save-as', stranger, roster, 'x')).toBeNull();
    expect(rec.saveDialogs.length).toBe(before);
    rec.saveTo = null;
    expect(await call('dialog:save-as', trusted, roster, 'x')).toBeNull();
    rec.saveTo = path.join(dataDir, 'kepu.db');
    await expect(call('dialog:save-as', trusted, roster, 'x')).rejects.toThrow('protected');
    expect(fs.readFileSync(path.join(dataDir, 'kepu.db'), 'utf8')).toBe('database');
  });

  it('relabels the menu after Settings changed, and only then', async () => {
    await call('kepu:invoke', trusted, 'campaign:list', {});
    expect(settingsChanges).toEqual([]);
    await call('kepu:invoke', trusted, 'settings:update', { language: 'en' });
    await call('kepu:invoke', stranger, 'settings:update', { language: 'en' });
    expect(settingsChanges).toEqual(['changed']);
  });

  it('"Show in folder" reveals any export, never a file outside the exports folder', async () => {
    rec.shown.length = 0;
    await call('shell:show-in-folder', trusted, batch);
    await call('shell:show-in-folder', trusted, path.join(dataDir, 'kepu.db'));
    await call('shell:show-in-folder', stranger, roster);
    expect(rec.shown).toEqual([batch]);
  });

  it('prints a PDF export from its own file: its own window and session, the print dialog once loaded', async () => {
    const windowsBefore = rec.windows.length;
    expect(await call('window:print-file', trusted, roster)).toBe(false);
    expect(await call('window:print-file', trusted, path.join(dataDir, 'kepu.db'))).toBe(false);
    expect(await call('window:print-file', stranger, batch)).toBe(false);
    expect(rec.windows.length).toBe(windowsBefore);
    expect(await call('window:print-file', trusted, batch)).toBe(true);
    const win = rec.windows.at(-1) as { options: { webPreferences: Record<string, unknown> }; loaded: string; printed: unknown[]; onceEvents: Map<string, Handler> };
    expect(win.options.webPreferences).toMatchObject({ partition: 'kepu-print', plugins: true, sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(win.options.webPreferences.preload).toBeUndefined();
    expect(win.loaded).toMatch(/^kepu-media:\/\/export\/[0-9a-f-]{36}$/);
    const serve = rec.partitions.get('kepu-print')!.protocols.get('kepu-media') as unknown as (r: { url: string }) => Response;
    const reply = serve({ url: win.loaded });
    expect(reply.headers.get('content-type')).toBe('application/pdf');
    expect(await reply.text()).toBe('%PDF-1.7 the batch');
    expect(serve({ url: 'kepu-media://export/another-id' }).status).toBe(404);
    expect(serve({ url: 'kepu-media://asset/1' }).status).toBe(404);
    expect(win.printed).toEqual([]);
    (win.onceEvents.get('did-finish-load') as () => void)();
    expect(win.printed).toHaveLength(1);
    const check = rec.partitions.get('kepu-print')!.handlers.check as (...a: unknown[]) => boolean;
    expect(check(null, 'fullscreen', 'kepu-app://app', {})).toBe(false);
  });
});
