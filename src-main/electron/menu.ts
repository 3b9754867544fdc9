// The application menu, in the app's language. The template is a pure function of a translate
// function, the platform and the actions, so both languages are tested without Electron: every
// item carries a translated label (Electron's own role labels are English only). macOS gets its
// app menu first (About, Services, Hide, Quit) and a Window menu, as users there expect.
import { app, type BrowserWindow, dialog, Menu, type MenuItemConstructorOptions, shell } from 'electron';
import { MENU_COMMAND_CHANNEL, type MenuCommand, pickFileKinds } from '../contract';

export type Translate = (key: string, params?: Record<string, string>) => string;

export interface MenuActions {
  /** File › Open file…: the picker for a review package, then the page opens it. */
  openFile(): void;
  /** File › Back up…: the page shows its backup screen (Settings). */
  backup(): void;
  /** File › Open data folder / Help › Data folder: the folder in Explorer / Finder. */
  openDataFolder(): void;
  /** Help › About: version, components and their licences, the data folder. */
  about(): void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** Reload and DevTools appear in development builds only. */
  isDev: boolean;
  appName: string;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

export function menuTemplate(t: Translate, options: MenuOptions, actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const name = { name: options.appName };
  const about: MenuItemConstructorOptions = { label: t('menu.about', name), click: () => actions.about() };
  const appMenu: MenuItemConstructorOptions = {
    label: options.appName,
    submenu: [
      about,
      separator,
      { role: 'services', label: t('menu.services') },
      separator,
      { role: 'hide', label: t('menu.hide', name) },
      { role: 'hideOthers', label: t('menu.hideOthers') },
      { role: 'unhide', label: t('menu.showAll') },
      separator,
      { role: 'quit', label: t('menu.quit', name) },
    ],
  };
  const file: MenuItemConstructorOptions = {
    label: t('menu.file'),
    submenu: [
      { label: t('menu.openFile'), accelerator: 'CmdOrCtrl+O', click: () => actions.openFile() },
      { label: t('menu.backup'), click: () => actions.backup() },
      separator,
      { label: t('menu.openDataFolder'), click: () => actions.openDataFolder() },
      separator,
      // On macOS Quit lives in the app menu; File ends with closing the window there.
      mac ? { role: 'close', label: t('menu.closeWindow') } : { role: 'quit', label: t('menu.quit', name) },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: t('menu.edit'),
    submenu: [
      { role: 'undo', label: t('menu.undo') },
      { role: 'redo', label: t('menu.redo') },
      separator,
      { role: 'cut', label: t('menu.cut') },
      { role: 'copy', label: t('menu.copy') },
      { role: 'paste', label: t('menu.paste') },
      ...(mac ? [{ role: 'pasteAndMatchStyle', label: t('menu.pasteAndMatchStyle') } as const] : []),
      { role: 'delete', label: t('menu.delete') },
      separator,
      { role: 'selectAll', label: t('menu.selectAll') },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: t('menu.view'),
    submenu: [
      ...(options.isDev
        ? ([{ role: 'reload', label: t('menu.reload') }, { role: 'forceReload', label: t('menu.forceReload') }, { role: 'toggleDevTools', label: t('menu.devTools') }, separator] as MenuItemConstructorOptions[])
        : []),
      { role: 'resetZoom', label: t('menu.resetZoom') },
      { role: 'zoomIn', label: t('menu.zoomIn') },
      { role: 'zoomOut', label: t('menu.zoomOut') },
      separator,
      { role: 'togglefullscreen', label: t('menu.fullScreen') },
    ],
  };
  const windowMenu: MenuItemConstructorOptions = {
    role: 'windowMenu',
    label: t('menu.window'),
    submenu: [
      { role: 'minimize', label: t('menu.minimize') },
      { role: 'zoom', label: t('menu.zoom') },
      separator,
      { role: 'front', label: t('menu.front') },
    ],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: t('menu.help'),
    submenu: [{ label: t('menu.dataFolder'), click: () => actions.openDataFolder() }, ...(mac ? [] : [separator, about])],
  };
  return mac ? [appMenu, file, edit, view, windowMenu, help] : [file, edit, view, help];
}

export interface AboutFacts {
  appName: string;
  version: string;
  electron: string;
  chrome: string;
  node: string;
  dataDir: string;
}

/** The About box's text: what runs, under which licences, and where the data is. */
export function aboutText(t: Translate, facts: AboutFacts): { title: string; message: string; detail: string } {
  return {
    title: t('menu.about', { name: facts.appName }),
    message: `${facts.appName} ${facts.version}`,
    detail: [
      t('menu.aboutVersions', { electron: facts.electron, chrome: facts.chrome, node: facts.node }),
      t('menu.aboutLicences'),
      t('menu.aboutDataFolder', { dir: facts.dataDir }),
    ].join('\n\n'),
  };
}

export interface InstallMenuOptions {
  /** The translate function of the app's language now (Settings, else the system's). */
  translate(): Translate;
  dataDir: string;
  /** The main window now (it can be closed and opened again on macOS). */
  mainWindow(): BrowserWindow | null;
}

/**
 * Builds the menu in the app's language and wires its actions to Electron (thin: logic above).
 * The answer rebuilds it: called when the language is changed in Settings.
 */
export function installApplicationMenu(options: InstallMenuOptions): { rebuild(): void } {
  const { dataDir } = options;
  const send = (command: MenuCommand) => {
    const win = options.mainWindow();
    if (win && !win.isDestroyed()) win.webContents.send(MENU_COMMAND_CHANNEL, command);
  };
  const rebuild = () => {
    const t = options.translate();
    const appName = t('app.name');
    const actions: MenuActions = {
      openFile: () => {
        const win = options.mainWindow();
        const dialogOptions: Electron.OpenDialogOptions = { properties: ['openFile'], filters: [{ name: t('menu.openFileFilter'), extensions: [...pickFileKinds.package] }] };
        void (win ? dialog.showOpenDialog(win, dialogOptions) : dialog.showOpenDialog(dialogOptions)).then((result) => {
          const picked = result.canceled ? undefined : result.filePaths[0];
          if (picked) send({ kind: 'openPackage', path: picked });
        });
      },
      backup: () => send({ kind: 'backup' }),
      openDataFolder: () => void shell.openPath(dataDir),
      about: () => {
        const text = aboutText(t, { appName, version: app.getVersion(), electron: process.versions.electron ?? '', chrome: process.versions.chrome ?? '', node: process.versions.node, dataDir });
        const win = options.mainWindow();
        const box: Electron.MessageBoxOptions = { type: 'info', buttons: [t('menu.ok')], ...text };
        void (win ? dialog.showMessageBox(win, box) : dialog.showMessageBox(box));
      },
    };
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(t, { platform: process.platform, isDev: !app.isPackaged, appName }, actions)));
  };
  rebuild();
  return { rebuild };
}
