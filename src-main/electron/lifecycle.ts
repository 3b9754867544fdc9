// The desktop app's lifecycle: one instance, the privileged schemes before 'ready', then the data
// folder, the app and media protocols, IPC, the permission handlers and the window. All behaviour
// lives in src-main/app; this file only wires Electron to it.
import { app, BrowserWindow, dialog, protocol, session } from 'electron';
import path from 'node:path';
import { createAppContext, type AppContext } from '../app/context';
import { createDispatch } from '../app/dispatch';
import { createHandlers } from '../app/handlers';
import { defaultResourcesDir } from '../app/paths';
import { createNodeI18n, translateError } from '../app/translate';
import { isKepuError } from '../core/errors';
import { applyPendingRestore } from '../core/backup/pending-restore';
import { handleAppProtocol } from './app-protocol';
import { registerIpc } from './ipc';
import { handleMediaProtocol } from './media-protocol';
import { electronNativeBinding } from './native-binding';
import { osSecret } from './os-secret';
import { PdfWindows } from './pdf-window';
import { listenForOpenedFiles, registerOpenedFilesIpc, secondInstanceFiles } from './open-file-ipc';
import { lockPermissions } from './permissions';
import { isAppUrl, registerPrivilegedSchemes } from './schemes';
import { installApplicationMenu, type Translate } from './menu';
import { PrintWindows } from './print';
import { createMainWindow } from './window';

export interface DesktopPaths {
  /** Folder of the main bundle (out/main). */
  here: string;
  preload: string;
  rendererDir: string;
}

export function desktopPaths(here: string): DesktopPaths {
  return { here, preload: path.join(here, '../preload/index.cjs'), rendererDir: path.join(here, '../renderer') };
}

/**
 * Starts the app, or, when another instance already runs, hands over to it and quits before anything
 * else happens (no scheme, no database, no window: the running one owns the data folder).
 */
export function startDesktop(paths: DesktopPaths): 'started' | 'second-instance' {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return 'second-instance';
  }
  app.setName('Kepu Review');
  registerPrivilegedSchemes();

  let ctx: AppContext | null = null;
  let win: BrowserWindow | null = null;
  const showWindow = () => {
    if (!ctx) return;
    if (!win || win.isDestroyed()) win = createMainWindow({ preload: paths.preload, dataDir: ctx.dataDir }, 'Kepu Review');
    if (win.isMinimized()) win.restore();
    win.focus();
  };
  // Double-clicked .kepupkg/.kepubundle/.kepukey files, from this launch's command line, macOS open-file,
  // and another launch (a second double-click), which brings this window forward instead.
  const openedFiles = listenForOpenedFiles(showWindow, () => win?.webContents ?? null);
  app.on('second-instance', (_event: unknown, argv?: string[], workingDirectory?: string) => {
    secondInstanceFiles(openedFiles, argv ?? [], workingDirectory ?? process.cwd());
    showWindow();
  });

  void app.whenReady().then(() => {
    const i18n = createNodeI18n(app.getLocale().toLowerCase().startsWith('zh') ? 'zh-CN' : 'en');
    try {
      const dataDir = app.getPath('userData');
      // A restore prepared in the app goes in place before the OS-sealed secret of its keys is read.
      applyPendingRestore(dataDir);
      ctx = createAppContext({
        dataDir,
        osSecret: osSecret(dataDir),
        restart: () => {
          app.relaunch();
          app.quit();
        },
        resourcesDir: app.isPackaged ? path.join(process.resourcesPath, 'resources') : defaultResourcesDir(paths.here),
        shell: 'electron',
        // Packaged, better-sqlite3 is the one rebuilt for this Electron at packaging (in app.asar.unpacked):
        // never a .node named by an environment variable or found in a folder above the app.
        nativeBinding: app.isPackaged ? undefined : electronNativeBinding(paths.here, process.versions.electron),
      });
    } catch (error) {
      const message = isKepuError(error) ? translateError(i18n.t.bind(i18n), error.toBody()) : String(error);
      dialog.showErrorBox(i18n.t('app.name'), message);
      app.exit(1);
      return;
    }
    const appContext = ctx;
    lockPermissions(session.defaultSession);
    handleAppProtocol(paths.rendererDir);
    handleMediaProtocol(appContext, protocol);
    const pdfWindows = new PdfWindows(appContext);
    const printWindows = new PrintWindows(appContext.dataDir);
    // The menu speaks the language chosen in Settings (else the system's), relabelled when it changes.
    const menuT = (): Translate => {
      const chosen = appContext.settings.get().language;
      const translator = chosen ? createNodeI18n(chosen) : i18n;
      return (key, params) => String(translator.t(key, params));
    };
    const menu = installApplicationMenu({ translate: menuT, dataDir: appContext.dataDir, mainWindow: () => win });
    registerIpc(createDispatch(createHandlers(appContext)), isAppUrl, {
      dataDir: appContext.dataDir,
      openPdf: (assetId) => pdfWindows.open(assetId),
      printFile: (file) => printWindows.print(file),
      assertNotProtected: (target) => appContext.protectedFiles.assertNotProtected(target),
      settingsChanged: () => menu.rebuild(),
    });
    registerOpenedFilesIpc(openedFiles, isAppUrl);
    win = createMainWindow({ preload: paths.preload, dataDir: appContext.dataDir }, i18n.t('app.name'));
  });

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => ctx?.close());
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) showWindow();
  });
  return 'started';
}
