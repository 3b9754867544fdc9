// The desktop shell's lifecycle and security settings (issue 11, item 9). The Electron binary
// cannot run here, so Electron's API objects are recorders (the only mocks in the suite); the shell
// modules, the handlers, the database and the files under them are real.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { repoRoot, tempDir } from '../../helpers';

type Handler = (...args: never[]) => unknown;

class FakeWindow {
  static all: FakeWindow[] = [];
  readonly events = new Map<string, Handler>();
  openHandler: Handler | null = null;
  loaded = '';
  restored = 0;
  focused = 0;
  readonly webContents = {
    on: (event: string, fn: Handler) => this.events.set(event, fn),
    setWindowOpenHandler: (fn: Handler) => (this.openHandler = fn),
    getURL: () => this.loaded,
  };
  constructor(readonly options: { webPreferences: Record<string, unknown> } & Record<string, unknown>) {
    FakeWindow.all.push(this);
  }
  loadURL(url: string) {
    this.loaded = url;
    return Promise.resolve();
  }
  once() {}
  on() {}
  show() {}
  maximize() {}
  isMaximized() {
    return false;
  }
  getNormalBounds() {
    return { x: 0, y: 0, width: 1366, height: 860 };
  }
  isDestroyed() {
    return false;
  }
  isMinimized() {
    return true;
  }
  restore() {
    this.restored += 1;
  }
  focus() {
    this.focused += 1;
  }
}

function fakeSession() {
  return {
    handlers: {} as { request?: Handler; check?: Handler; device?: Handler },
    protocols: new Map<string, Handler>(),
    setPermissionRequestHandler(fn: Handler) {
      this.handlers.request = fn;
    },
    setPermissionCheckHandler(fn: Handler) {
      this.handlers.check = fn;
    },
    setDevicePermissionHandler(fn: Handler) {
      this.handlers.device = fn;
    },
    get protocol() {
      const protocols = this.protocols;
      return { handle: (scheme: string, fn: Handler) => protocols.set(scheme, fn) };
    },
  };
}

const rec = vi.hoisted(() => ({
  lock: true,
  isPackaged: false,
  userData: '',
  calls: [] as string[],
  appEvents: new Map<string, (...args: unknown[]) => unknown>(),
  schemes: [] as { scheme: string; privileges: Record<string, boolean> }[][],
  protocols: new Map<string, (request: unknown) => unknown>(),
  ipc: new Map<string, (event: unknown, payload?: unknown) => Promise<unknown>>(),
  sessions: new Map<string, unknown>(),
  safe: { available: true, backend: 'basic_text' as string },
  menu: null as unknown,
}));

/** A contract call as the preload sends it: the one IPC channel, carrying (channel, request). */
function contractCall(frame: unknown, channel: string, payload: unknown): Promise<unknown> {
  const handler = rec.ipc.get('kepu:invoke') as unknown as (event: unknown, channel: string, payload: unknown) => Promise<unknown>;
  return handler(frame, channel, payload);
}

vi.mock('electron', () => {
  const defaultSession = fakeSession();
  rec.sessions.set('default', defaultSession);
  return {
    app: {
      requestSingleInstanceLock: () => (rec.calls.push('requestSingleInstanceLock'), rec.lock),
      quit: () => rec.calls.push('quit'),
      exit: (code: number) => rec.calls.push(`exit ${code}`),
      setName: (name: string) => rec.calls.push(`setName ${name}`),
      on: (event: string, fn: (...args: unknown[]) => unknown) => rec.appEvents.set(event, fn),
      whenReady: () => (rec.calls.push('whenReady'), Promise.resolve()),
      getLocale: () => 'zh-CN',
      getPath: () => rec.userData,
      get isPackaged() {
        return rec.isPackaged;
      },
    },
    BrowserWindow: Object.assign(FakeWindow, { getAllWindows: () => FakeWindow.all, fromWebContents: () => null }),
    screen: { getPrimaryDisplay: () => ({ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }), getAllDisplays: () => [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }] },
    Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: (menu: unknown) => (rec.menu = menu) },
    shell: { openPath: async () => '', showItemInFolder: () => {} },
    dialog: { showErrorBox: (...args: unknown[]) => rec.calls.push(`showErrorBox ${String(args[1])}`), showOpenDialog: async () => ({ canceled: true, filePaths: [] }) },
    ipcMain: { handle: (channel: string, fn: never) => rec.ipc.set(channel, fn) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: never) => rec.schemes.push(schemes),
      handle: (scheme: string, fn: never) => rec.protocols.set(scheme, fn),
    },
    session: {
      defaultSession,
      fromPartition: (name: string) => {
        if (!rec.sessions.has(name)) rec.sessions.set(name, fakeSession());
        return rec.sessions.get(name);
      },
    },
    safeStorage: {
      isEncryptionAvailable: () => rec.safe.available,
      getSelectedStorageBackend: () => rec.safe.backend,
      encryptString: (text: string) => Buffer.from(`sealed:${text}`),
      decryptString: (data: Buffer) => data.toString().replace(/^sealed:/, ''),
    },
  };
});

const { startDesktop } = await import('../../../src-main/electron/lifecycle');
const { osSecret } = await import('../../../src-main/electron/os-secret');
const { mainWindowOptions } = await import('../../../src-main/electron/window');
const { pdfWindowOptions } = await import('../../../src-main/electron/pdf-window');

const cleanup: string[] = [];
afterAll(() => {
  for (const dir of cleanup) fs.rmSync(dir, { recursive: true, force: true });
});

function reset() {
  rec.calls.length = 0;
  rec.appEvents.clear();
  rec.schemes.length = 0;
  rec.protocols.clear();
  rec.ipc.clear();
  FakeWindow.all.length = 0;
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('a second instance of the desktop app', () => {
  beforeEach(reset);

  it('quits at once: no scheme, no ready handler, no database, no window', () => {
    rec.lock = false;
    const outcome = startDesktop({ here: path.join(repoRoot, 'src-main', 'electron'), preload: '/p/index.cjs', rendererDir: '/r' });
    expect(outcome).toBe('second-instance');
    expect(rec.calls).toEqual(['requestSingleInstanceLock', 'quit']);
    expect(rec.schemes).toEqual([]);
    expect(rec.appEvents.size).toBe(0);
    expect(FakeWindow.all).toEqual([]);
    rec.lock = true;
  });
});

describe('the first instance of the desktop app', () => {
  const rendererDir = tempDir('kepu-renderer-');
  const userData = tempDir('kepu-userdata-');
  cleanup.push(rendererDir, userData);
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Kepu</title>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'index-abc.js'), 'console.log(1)');
  fs.writeFileSync(path.join(path.dirname(rendererDir), 'kepu-secret.txt'), 'outside');
  cleanup.push(path.join(path.dirname(rendererDir), 'kepu-secret.txt'));

  let started = false;
  async function start() {
    if (started) return;
    reset();
    rec.userData = userData;
    expect(startDesktop({ here: path.join(repoRoot, 'src-main', 'electron'), preload: '/opt/kepu/out/preload/index.cjs', rendererDir })).toBe('started');
    await flush();
    started = true;
  }
  afterAll(() => rec.appEvents.get('will-quit')?.());

  it('registers both schemes as privileged once, before ready, the app scheme without CORS', async () => {
    await start();
    expect(rec.calls.indexOf('whenReady')).toBeGreaterThan(-1);
    expect(rec.schemes).toHaveLength(1);
    const [schemes] = rec.schemes;
    expect(schemes.find((s) => s.scheme === 'kepu-app')?.privileges).toEqual({ standard: true, secure: true, supportFetchAPI: true });
    expect(schemes.find((s) => s.scheme === 'kepu-media')?.privileges).toMatchObject({ standard: true, secure: true, stream: true });
  });

  it('loads the renderer from kepu-app://app with a locked-down window', async () => {
    await start();
    const [win] = FakeWindow.all;
    expect(win.loaded).toBe('kepu-app://app/index.html');
    expect(win.options.webPreferences).toMatchObject({
      preload: '/opt/kepu/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      plugins: false,
      devTools: true, // not packaged: development build
    });
    const navigate = (url: string) => {
      const event = { preventDefault: vi.fn() };
      (win.events.get('will-navigate') as (e: unknown, url: string) => void)(event, url);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(navigate('https://example.com/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate('kepu-app://app/index.html')).toBe(false);
    const frame = (url: string) => {
      const event = { isMainFrame: false, url, preventDefault: vi.fn() };
      (win.events.get('will-frame-navigate') as (e: unknown) => void)(event);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(frame('https://example.com/')).toBe(true);
    expect(frame('kepu-media://asset/1')).toBe(true);
    expect(frame('about:srcdoc')).toBe(false);
    // Exports print from their own file in a window of their own (print.ts): no blob: frames.
    expect(frame('blob:kepu-app://app/6f1c2a9e-0000-4000-8000-000000000000')).toBe(true);
    expect(win.openHandler?.()).toEqual({ action: 'deny' });
  });

  it('denies every permission by default, in requests and in checks, granting our page only full screen and clipboard writes', async () => {
    await start();
    const { handlers } = rec.sessions.get('default') as ReturnType<typeof fakeSession>;
    const request = (permission: string, requestingUrl: string) =>
      new Promise<boolean>((resolve) => (handlers.request as (...a: unknown[]) => void)({ getURL: () => requestingUrl }, permission, resolve, { requestingUrl }));
    expect(await request('fullscreen', 'kepu-app://app/index.html')).toBe(true);
    expect(await request('media', 'kepu-app://app/index.html')).toBe(false);
    expect(await request('notifications', 'kepu-app://app/index.html')).toBe(false);
    expect(await request('geolocation', 'kepu-app://app/index.html')).toBe(false);
    expect(await request('fullscreen', 'kepu-media://asset/3')).toBe(false);
    const check = handlers.check as (...a: unknown[]) => boolean;
    expect(check(null, 'clipboard-sanitized-write', 'kepu-app://app', {})).toBe(true);
    expect(check(null, 'clipboard-read', 'kepu-app://app', {})).toBe(false);
    expect(check(null, 'hid', 'kepu-app://app', {})).toBe(false);
    expect(check(null, 'fullscreen', 'file://', {})).toBe(false);
    expect((handlers.device as () => boolean)()).toBe(false);
  });

  it('serves the built renderer with MIME types and CSP, and nothing outside it', async () => {
    await start();
    const serve = rec.protocols.get('kepu-app') as (r: { url: string; method?: string }) => Promise<Response>;
    const index = await serve({ url: 'kepu-app://app/' });
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(index.headers.get('content-security-policy')).toContain("object-src 'none'");
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    const script = await serve({ url: 'kepu-app://app/assets/index-abc.js' });
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
    for (const url of ['kepu-app://app/../kepu-secret.txt', 'kepu-app://app/%2e%2e/kepu-secret.txt', 'kepu-app://app/..%2fkepu-secret.txt', 'kepu-app://app/assets', 'kepu-app://other/index.html']) {
      const reply = await serve({ url });
      expect(reply.status, url).toBe(404);
      expect(await reply.text()).not.toContain('outside');
    }
    expect((await serve({ url: 'kepu-app://app/%' })).status).toBe(400);
    expect((await serve({ url: 'kepu-app://app/index.html', method: 'POST' })).status).toBe(405);
  });

  it('answers IPC only from the kepu-app page', async () => {
    await start();
    // Every contract call travels on the one IPC channel as (channel, request).
    const list = (frame: unknown, payload: unknown) => contractCall(frame, 'template:list', payload);
    expect(await list({ senderFrame: { url: 'kepu-app://app/index.html' } }, {})).toMatchObject({ ok: true });
    expect(await list({ senderFrame: { url: 'file:///opt/kepu/out/renderer/index.html' } }, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_ORIGIN' } });
    expect(await list({ senderFrame: { url: 'kepu-app://evil/index.html' } }, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_ORIGIN' } });
  });

  it('opens a PDF in its own window: plugins on there only, no preload, its own session serving only that PDF', async () => {
    await start();
    const trusted = { senderFrame: { url: 'kepu-app://app/index.html' } };
    const demo = (await contractCall(trusted, 'demo:load', {})) as { ok: true; value: { id: string } };
    const entries = (await contractCall(trusted, 'entry:list', { campaignId: demo.value.id })) as { value: { rows: { id: number }[] } };
    const entryId = entries.value.rows[0].id;
    const pdfFile = path.join(userData, 'statement.pdf');
    fs.writeFileSync(pdfFile, '%PDF-1.4\n%%EOF\n');
    const stat = fs.statSync(pdfFile);
    const { createAppContext } = await import('../../../src-main/app/context');
    const ctx = createAppContext({ dataDir: userData, resourcesDir: path.join(repoRoot, 'resources'), shell: 'cli' });
    ctx.assets.insertMany([{ entryId, role: 'document', position: 9, path: pdfFile, sha256: 'a'.repeat(64), sizeBytes: stat.size, mtimeMs: stat.mtimeMs }]);
    const pdfId = ctx.db.prepare('SELECT id FROM assets WHERE path = ?').pluck().get(pdfFile) as number;
    const videoId = ctx.db.prepare(`SELECT id FROM assets WHERE role = 'video' LIMIT 1`).pluck().get() as number;
    ctx.close();

    const openPdf = rec.ipc.get('window:open-pdf')!;
    expect(await openPdf({ senderFrame: { url: 'https://example.com/' } }, pdfId)).toBe(false);
    expect(await openPdf(trusted, videoId)).toBe(false);
    expect(await openPdf(trusted, 'one')).toBe(false);
    expect(FakeWindow.all).toHaveLength(1);
    expect(await openPdf(trusted, pdfId)).toBe(true);
    const pdfWindow = FakeWindow.all[1];
    expect(pdfWindow.loaded).toBe(`kepu-media://asset/${pdfId}`);
    expect(pdfWindow.options.webPreferences).toMatchObject({ partition: 'kepu-pdf', plugins: true, sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(pdfWindow.options.webPreferences.preload).toBeUndefined();
    expect(pdfWindow.openHandler?.()).toEqual({ action: 'deny' });

    const pdfSession = rec.sessions.get('kepu-pdf') as ReturnType<typeof fakeSession>;
    const serve = pdfSession.protocols.get('kepu-media') as (r: { url: string; headers: Headers }) => Response;
    const pdf = serve({ url: `kepu-media://asset/${pdfId}`, headers: new Headers() });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).toString()).toContain('%PDF');
    expect(serve({ url: `kepu-media://asset/${videoId}`, headers: new Headers() }).status).toBe(404);
    const check = pdfSession.handlers.check as (...a: unknown[]) => boolean;
    expect(check(null, 'fullscreen', 'kepu-app://app', {})).toBe(false);
  });

  it('brings the existing window forward when a second instance starts', async () => {
    await start();
    const [win] = FakeWindow.all;
    rec.appEvents.get('second-instance')!();
    expect(win.restored).toBe(1);
    expect(win.focused).toBe(1);
  });
});

describe('a packaged build', () => {
  it('turns DevTools off in the main window and the PDF window', () => {
    rec.isPackaged = true;
    expect(mainWindowOptions({ preload: '/p.cjs' }, 'Kepu').webPreferences?.devTools).toBe(false);
    expect(pdfWindowOptions('x.pdf').webPreferences?.devTools).toBe(false);
    rec.isPackaged = false;
    expect(mainWindowOptions({ preload: '/p.cjs' }, 'Kepu').webPreferences?.devTools).toBe(true);
  });

  it('loads better-sqlite3 as packed, never a .node named by KEPU_ELECTRON_NATIVE (issue 21)', async () => {
    const dir = tempDir();
    cleanup.push(dir);
    const planted = path.join(dir, 'better_sqlite3.node');
    fs.writeFileSync(planted, 'not a native module'); // loading it would fail start-up
    const saved = { native: process.env.KEPU_ELECTRON_NATIVE, resources: (process as { resourcesPath?: string }).resourcesPath };
    process.env.KEPU_ELECTRON_NATIVE = planted;
    (process as { resourcesPath?: string }).resourcesPath = repoRoot; // resources/ beside app.asar
    reset();
    rec.isPackaged = true;
    rec.userData = path.join(dir, 'user-data');
    try {
      expect(startDesktop({ here: path.join(repoRoot, 'src-main', 'electron'), preload: '/p.cjs', rendererDir: path.join(dir, 'renderer') })).toBe('started');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(rec.calls.filter((c) => c.startsWith('showErrorBox') || c.startsWith('exit'))).toEqual([]);
      expect(fs.existsSync(path.join(rec.userData, 'kepu.sqlite'))).toBe(true);
    } finally {
      rec.appEvents.get('will-quit')?.();
      rec.isPackaged = false;
      if (saved.native === undefined) delete process.env.KEPU_ELECTRON_NATIVE;
      else process.env.KEPU_ELECTRON_NATIVE = saved.native;
      (process as { resourcesPath?: string }).resourcesPath = saved.resources;
    }
  });
});

describe('sealing the signing key with safeStorage', () => {
  it('treats Linux basic_text as no key store: the passphrase file is used and nothing is written', () => {
    const dir = tempDir();
    cleanup.push(dir);
    rec.safe = { available: true, backend: 'basic_text' };
    expect(osSecret(dir, 'linux')).toBeUndefined();
    expect(fs.existsSync(path.join(dir, 'keys', 'os-secret.bin'))).toBe(false);
    rec.safe = { available: false, backend: 'gnome_libsecret' };
    expect(osSecret(dir, 'linux')).toBeUndefined();
  });

  it('uses a real key store (libsecret on Linux, DPAPI on Windows) and keeps the same secret', () => {
    for (const [platform, backend] of [['linux', 'gnome_libsecret'], ['win32', 'unknown']] as const) {
      const dir = tempDir();
      cleanup.push(dir);
      rec.safe = { available: true, backend };
      const secret = osSecret(dir, platform);
      expect(secret?.length).toBe(32);
      expect(fs.readFileSync(path.join(dir, 'keys', 'os-secret.bin')).toString()).toMatch(/^sealed:[0-9a-f]{64}$/);
      expect(osSecret(dir, platform)?.equals(secret!)).toBe(true);
    }
  });
});

describe('the renderer folder boundary on Windows paths', () => {
  it('keeps every request inside the renderer folder', async () => {
    const { fileInside } = await import('../../../src-main/electron/app-protocol');
    const root = 'C:\\Program Files\\Kepu Review\\resources\\app\\out\\renderer';
    expect(fileInside(root, 'assets/index-abc.js', path.win32)).toBe(`${root}\\assets\\index-abc.js`);
    expect(fileInside(root, 'index.html', path.win32)).toBe(`${root}\\index.html`);
    for (const escape of ['..\\..\\kepu.sqlite', '../renderer-evil/x.js', 'C:/Windows/win.ini', 'D:secret.txt', '\\\\server\\share\\x', '/Windows/win.ini', 'index.html\0.js', '..']) {
      expect(fileInside(root, escape, path.win32), escape).toBeNull();
    }
  });
});
