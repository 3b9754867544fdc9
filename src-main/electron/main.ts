// The desktop shell: app lifecycle, the window, IPC and the media protocol. All behaviour lives in
// src-main/app; this file only wires Electron to it.
import { app, BrowserWindow, dialog } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAppContext, type AppContext } from '../app/context';
import { createDispatch } from '../app/dispatch';
import { createHandlers } from '../app/handlers';
import { defaultResourcesDir } from '../app/paths';
import { createNodeI18n, translateError } from '../app/translate';
import { isKepuError } from '../core/errors';
import { registerIpc } from './ipc';
import { handleMediaProtocol, registerMediaScheme } from './media-protocol';
import { electronNativeBinding } from './native-binding';
import { osSecret } from './os-secret';
import { createMainWindow, rendererUrlPrefix } from './window';

const here = path.dirname(fileURLToPath(import.meta.url));
const paths = {
  preload: path.join(here, '../preload/index.cjs'),
  rendererIndex: path.join(here, '../renderer/index.html'),
};

app.setName('Kepu Review');
registerMediaScheme();
if (!app.requestSingleInstanceLock()) app.quit();

let ctx: AppContext | null = null;

app.whenReady().then(() => {
  const i18n = createNodeI18n(app.getLocale().toLowerCase().startsWith('zh') ? 'zh-CN' : 'en');
  try {
    const dataDir = app.getPath('userData');
    ctx = createAppContext({
      dataDir,
      osSecret: osSecret(dataDir),
      resourcesDir: app.isPackaged ? path.join(process.resourcesPath, 'resources') : defaultResourcesDir(here),
      shell: 'electron',
      nativeBinding: electronNativeBinding(here, process.versions.electron),
    });
  } catch (error) {
    const message = isKepuError(error) ? translateError(i18n.t.bind(i18n), error.toBody()) : String(error);
    dialog.showErrorBox(i18n.t('app.name'), message);
    app.exit(1);
    return;
  }
  const dispatch = createDispatch(createHandlers(ctx));
  const trusted = rendererUrlPrefix(paths.rendererIndex);
  registerIpc(dispatch, (url) => url.startsWith(trusted));
  handleMediaProtocol(ctx);
  const win = createMainWindow(paths, i18n.t('app.name'));
  app.on('second-instance', () => {
    if (win.isMinimized()) win.restore();
    win.focus();
  });
});

app.on('window-all-closed', () => app.quit());
app.on('will-quit', () => ctx?.close());
app.on('activate', () => {
  if (BrowserWindow.getAllWindows().length === 0 && ctx) createMainWindow(paths, 'Kepu Review');
});
