// Files handed to the desktop app by the OS (issue 21, file associations): the command-line parsing
// of a first and a second launch (Windows cases with path.win32), the queue the window takes them
// from, what the window receives for each kind (real files), and the Electron wiring with Electron's
// API objects as recorders (the binary cannot run here).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { filesFromArgv, MAX_INLINE_FILE_BYTES, OpenFileQueue, openableKind, openedFilePayload } from '../../../src-main/electron/open-file';
import { tempDir } from '../../temp-dirs';

const rec = vi.hoisted(() => ({
  appEvents: new Map<string, (...args: unknown[]) => unknown>(),
  ipc: new Map<string, (event: unknown) => unknown>(),
  ready: false,
}));
vi.mock('electron', () => ({
  app: { on: (event: string, fn: (...args: unknown[]) => unknown) => rec.appEvents.set(event, fn), isReady: () => rec.ready },
  ipcMain: { handle: (channel: string, fn: (event: unknown) => unknown) => rec.ipc.set(channel, fn) },
}));
const { listenForOpenedFiles, registerOpenedFilesIpc, secondInstanceFiles } = await import('../../../src-main/electron/open-file-ipc');

describe('filesFromArgv', () => {
  it('finds the files in a Windows second launch: quoted, relative, any case; skips the exe, switches and other files', () => {
    const argv = [
      'C:\\Users\\张三\\AppData\\Local\\Programs\\科普评审 Kepu Review\\KepuReview.exe',
      '--allow-file-access-from-files',
      '--original-process-start-time=13345678901234567',
      '"D:\\评审 2026\\王医生.kepupkg"',
      'results\\judge-3.KEPUBUNDLE',
      '..\\keys\\li.kepukey',
      'C:\\notes\\readme.txt',
      'd:\\评审 2026\\王医生.KEPUPKG', // the same file again, spelled otherwise: once
    ];
    expect(filesFromArgv(argv, 'E:\\下载', path.win32)).toEqual([
      { path: 'D:\\评审 2026\\王医生.kepupkg', kind: 'package' },
      { path: 'E:\\下载\\results\\judge-3.KEPUBUNDLE', kind: 'bundle' },
      { path: 'E:\\keys\\li.kepukey', kind: 'key' },
    ]);
  });

  it('resolves against the second launch working directory, not this process', () => {
    expect(filesFromArgv(['KepuReview.exe', 'x.kepukey'], 'C:\\Users\\a\\Desktop', path.win32)).toEqual([{ path: 'C:\\Users\\a\\Desktop\\x.kepukey', kind: 'key' }]);
    expect(filesFromArgv(['/opt/kepu/kepu-review', 'x.kepukey'], '/home/a/Downloads', path.posix)).toEqual([{ path: '/home/a/Downloads/x.kepukey', kind: 'key' }]);
  });

  it('skips the unpackaged app folder, macOS -psn_ switches, and takes file:// URLs from Linux desktop files', () => {
    expect(filesFromArgv(['/usr/lib/electron/electron', '.', '-psn_0_1234', 'file:///home/a/b%20c.kepubundle', '/home/a/Case.KepuPkg'], '/work', path.posix)).toEqual([
      { path: '/home/a/b c.kepubundle', kind: 'bundle' },
      { path: '/home/a/Case.KepuPkg', kind: 'package' },
    ]);
    expect(filesFromArgv(['KepuReview.exe', 'file:///C:/Users/a/x%20y.kepukey'], 'C:\\', path.win32)).toEqual([{ path: 'C:\\Users\\a\\x y.kepukey', kind: 'key' }]);
  });

  it('keeps two spellings apart on Linux (case matters there) and knows no other kinds', () => {
    expect(filesFromArgv(['a.kepupkg', 'A.kepupkg'], '/x', path.posix)).toHaveLength(2);
    expect(openableKind('x.kepulist')).toBeNull();
    expect(openableKind('C:\\方案\\2026.KEPUPROG', path.win32)).toBe('programme');
    expect(openableKind('x.kepubundle.json')).toBeNull();
  });
});

describe('OpenFileQueue', () => {
  it('tells the window when files arrive and gives each out once', () => {
    const queue = new OpenFileQueue();
    let told = 0;
    queue.add([{ path: '/a.kepupkg', kind: 'package' }]); // before the window: kept, nobody told
    queue.onAdded(() => (told += 1));
    queue.add([{ path: '/a.kepupkg', kind: 'package' }, { path: '/b.kepukey', kind: 'key' }]);
    queue.add([]);
    expect(told).toBe(1);
    expect(queue.take().map((f) => f.path)).toEqual(['/a.kepupkg', '/b.kepukey']);
    expect(queue.take()).toEqual([]);
  });
});

describe('openedFilePayload', () => {
  it('gives a package by path, a bundle and a key card with their bytes', () => {
    const dir = tempDir();
    const bundle = path.join(dir, '评委 3.kepubundle');
    fs.writeFileSync(bundle, '{"format":"kepu-bundle"}');
    expect(openedFilePayload({ path: path.join(dir, 'big.kepupkg'), kind: 'package' })).toEqual({ kind: 'package', path: path.join(dir, 'big.kepupkg'), fileName: 'big.kepupkg' });
    const payload = openedFilePayload({ path: bundle, kind: 'bundle' });
    expect(payload.fileName).toBe('评委 3.kepubundle');
    expect(Buffer.from(payload.contentBase64!, 'base64').toString()).toBe('{"format":"kepu-bundle"}');
  });

  it('a missing file, a folder or an oversized file comes with the error to show', () => {
    const dir = tempDir();
    expect(openedFilePayload({ path: path.join(dir, 'gone.kepubundle'), kind: 'bundle' }).error).toMatchObject({ code: 'BUNDLE_UNREADABLE', params: { file: 'gone.kepubundle', reason: 'ENOENT' } });
    fs.mkdirSync(path.join(dir, 'odd.kepukey'));
    expect(openedFilePayload({ path: path.join(dir, 'odd.kepukey'), kind: 'key' }).error).toMatchObject({ code: 'OPENED_FILE_UNREADABLE', params: { reason: 'not a file' } });
    const big = path.join(dir, 'big.kepubundle');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, MAX_INLINE_FILE_BYTES + 1); // sparse: no 64 MB written
    const tooBig = openedFilePayload({ path: big, kind: 'bundle' });
    expect(tooBig.error?.code).toBe('BUNDLE_UNREADABLE');
    expect(tooBig.contentBase64).toBeUndefined();
  });
});

describe('the Electron wiring', () => {
  it('queues macOS open-file and second launches, tells the page, and answers only our own page', async () => {
    const dir = tempDir();
    const key = path.join(dir, 'li.kepukey');
    fs.writeFileSync(key, 'card');
    const sent: string[] = [];
    let shown = 0;
    const page = { isDestroyed: () => false, send: (channel: string) => sent.push(channel) };
    const queue = listenForOpenedFiles(() => (shown += 1), () => page as never);

    let prevented = false;
    rec.ready = true;
    rec.appEvents.get('open-file')!({ preventDefault: () => (prevented = true) }, key);
    expect(prevented).toBe(true);
    expect(shown).toBe(1);
    secondInstanceFiles(queue, ['KepuReview.exe', '--flag', 'r.kepubundle'], dir);
    expect(sent).toEqual(['shell:files-to-open', 'shell:files-to-open']);

    registerOpenedFilesIpc(queue, (url) => url.startsWith('kepu-app://app/'));
    const take = rec.ipc.get('shell:take-opened-files')!;
    expect(await take({ senderFrame: { url: 'https://evil.example/' } })).toEqual([]);
    const files = (await take({ senderFrame: { url: 'kepu-app://app/index.html' } })) as { kind: string; contentBase64?: string; error?: { code: string } }[];
    expect(files.map((f) => f.kind)).toEqual(['key', 'bundle']);
    expect(Buffer.from(files[0]!.contentBase64!, 'base64').toString()).toBe('card');
    expect(files[1]!.error?.code).toBe('BUNDLE_UNREADABLE'); // r.kepubundle does not exist
    expect(await take({ senderFrame: { url: 'kepu-app://app/index.html' } })).toEqual([]);
  });
});
