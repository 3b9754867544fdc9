// The Electron binary cannot run here, so Electron's API objects are replaced by recorders (the
// only mocks in the suite); the shell code under them, the handlers and the database are real.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { type CampaignSummary, type EntryDetail, type EntryRow, INVOKE_CHANNEL } from '../../../src-main/contract';
import { openTestApp } from '../../helpers';

const recorded = vi.hoisted(() => ({
  ipc: new Map<string, (event: unknown, payload: unknown, more?: unknown) => Promise<unknown>>(),
  dialogs: [] as unknown[],
  shown: [] as string[],
  protocols: new Map<string, (request: { url: string; headers: Headers }) => Response>(),
}));

vi.mock('electron', () => ({
  BrowserWindow: { fromWebContents: () => null },
  dialog: {
    showOpenDialog: async (options: { properties: string[] }) => {
      recorded.dialogs.push(options);
      return { canceled: false, filePaths: [options.properties.includes('openFile') ? '/picked/zhang.kepupkg' : '/picked/folder'] };
    },
  },
  shell: { showItemInFolder: (file: string) => recorded.shown.push(file) },
  ipcMain: { handle: (channel: string, fn: never) => recorded.ipc.set(channel, fn) },
  protocol: {
    registerSchemesAsPrivileged: () => {},
    handle: (scheme: string, fn: never) => recorded.protocols.set(scheme, fn),
  },
}));

const { registerIpc } = await import('../../../src-main/electron/ipc');
const { handleMediaProtocol } = await import('../../../src-main/electron/media-protocol');
const { protocol } = await import('electron');

describe('the Electron shell', () => {
  it('carries every contract channel on one IPC channel and answers only our own renderer frame', async () => {
    const calls: unknown[] = [];
    const trusted = 'kepu-app://app/';
    registerIpc(
      async (channel, payload) => (calls.push([channel, payload]), { ok: true, value: 'done' }),
      (url) => url.startsWith(trusted),
    );
    expect([...recorded.ipc.keys()].sort()).toEqual([INVOKE_CHANNEL, 'dialog:pick-folder', 'dialog:pick-file', 'dialog:save-as', 'shell:show-in-folder', 'window:open-pdf', 'window:print-file'].sort());
    const pick = recorded.ipc.get('dialog:pick-folder')!;
    expect(await pick({ senderFrame: { url: `${trusted}index.html` }, sender: {} }, undefined)).toBe('/picked/folder');
    expect(await pick({ senderFrame: { url: 'https://example.com/' }, sender: {} }, undefined)).toBeNull();
    // The file picker: only a kind the contract names, its filter named in the renderer's words.
    const pickFile = recorded.ipc.get('dialog:pick-file')!;
    expect(await pickFile({ senderFrame: { url: `${trusted}index.html` }, sender: {} }, 'package', '评审包')).toBe('/picked/zhang.kepupkg');
    expect(recorded.dialogs.at(-1)).toEqual({ properties: ['openFile'], filters: [{ name: '评审包', extensions: ['kepupkg'] }] });
    expect(await pickFile({ senderFrame: { url: `${trusted}index.html` }, sender: {} }, 'anything', 'x')).toBeNull();
    expect(await pickFile({ senderFrame: { url: 'https://example.com/' }, sender: {} }, 'package', 'x')).toBeNull();
    // "Show in folder" reveals an existing package file only, asked by our own page only.
    const show = recorded.ipc.get('shell:show-in-folder')!;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kepu-shell-'));
    const pkg = path.join(dir, 'zhang.kepupkg');
    fs.writeFileSync(pkg, 'x');
    fs.writeFileSync(path.join(dir, 'run.exe'), 'x');
    await show({ senderFrame: { url: `${trusted}index.html` }, sender: {} }, pkg);
    await show({ senderFrame: { url: `${trusted}index.html` }, sender: {} }, path.join(dir, 'run.exe'));
    await show({ senderFrame: { url: `${trusted}index.html` }, sender: {} }, 'zhang.kepupkg');
    await show({ senderFrame: { url: 'https://example.com/' }, sender: {} }, pkg);
    expect(recorded.shown).toEqual([pkg]);
    fs.rmSync(dir, { recursive: true, force: true });
    const handler = recorded.ipc.get(INVOKE_CHANNEL)! as unknown as (event: unknown, channel: unknown, payload: unknown) => Promise<unknown>;
    expect(await handler({ senderFrame: { url: `${trusted}index.html` } }, 'campaign:list', {})).toEqual({ ok: true, value: 'done' });
    const refused = await handler({ senderFrame: { url: 'https://example.com/' } }, 'campaign:list', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_ORIGIN' } });
    expect(await handler({ senderFrame: null }, 'campaign:list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_ORIGIN' } });
    expect(calls).toEqual([['campaign:list', {}]]);
  });

  it('leaves the channel check to the dispatch: an undeclared channel is refused with UNKNOWN_CHANNEL', async () => {
    const app = openTestApp();
    registerIpc(app.dispatch, () => true);
    const handler = recorded.ipc.get(INVOKE_CHANNEL)! as unknown as (event: unknown, channel: unknown, payload: unknown) => Promise<unknown>;
    const frame = { senderFrame: { url: 'kepu-app://app/index.html' } };
    expect(await handler(frame, 'entry:delete-everything', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(await handler(frame, 'settings:update', { language: 'fr' })).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(await handler(frame, 'settings:get', {})).toEqual({ ok: true, value: { language: null } });
    app.ctx.close();
  });

  it('serves kepu-media://asset/<id> with byte ranges', async () => {
    const app = openTestApp();
    handleMediaProtocol(app.ctx, protocol);
    const serve = recorded.protocols.get('kepu-media')!;
    const works = (await app.dispatch('demo:load', {})) as { value: CampaignSummary };
    const list = (await app.dispatch('entry:list', { campaignId: works.value.id, filter: { query: '心肺复苏' } })) as { value: { rows: EntryRow[] } };
    const entry = (await app.dispatch('entry:get', { entryId: list.value.rows[0].id })) as { value: EntryDetail };
    const asset = entry.value.assets[0];
    const bytes = fs.readFileSync(app.ctx.assets.location(asset.id).path);

    const part = serve({ url: `kepu-media://asset/${asset.id}`, headers: new Headers({ range: 'bytes=10-19' }) });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 10-19/${bytes.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(10, 20))).toBe(true);

    const whole = serve({ url: `kepu-media://asset/${asset.id}`, headers: new Headers() });
    expect(whole.status).toBe(200);
    expect(Buffer.from(await whole.arrayBuffer()).length).toBe(bytes.length);

    // CORS only for our own renderer's origin, never "*".
    expect(whole.headers.get('access-control-allow-origin')).toBeNull();
    const fromApp = serve({ url: `kepu-media://asset/${asset.id}`, headers: new Headers({ origin: 'kepu-app://app', range: 'bytes=0-0' }) });
    expect(fromApp.headers.get('access-control-allow-origin')).toBe('kepu-app://app');
    await fromApp.arrayBuffer();
    const foreign = serve({ url: `kepu-media://asset/${asset.id}`, headers: new Headers({ origin: 'null', range: 'bytes=0-0' }) });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    await foreign.arrayBuffer();

    // A file replaced by a symbolic link after linking is refused here too (same guarded open).
    const file = app.ctx.assets.location(asset.id).path;
    const secret = `${file}.secret`;
    fs.writeFileSync(secret, 'root:x:0:0:root:/root:/bin/bash\n');
    fs.rmSync(file);
    fs.symlinkSync(secret, file);
    const refused = serve({ url: `kepu-media://asset/${asset.id}`, headers: new Headers() });
    expect(refused.status).toBe(403);
    const refusedText = await refused.text();
    expect(JSON.parse(refusedText).error.code).toBe('MEDIA_FILE_REFUSED');
    expect(refusedText).not.toContain('root:x');

    expect(serve({ url: 'kepu-media://asset/999999', headers: new Headers() }).status).toBe(404);
    expect(serve({ url: 'kepu-media://elsewhere/1', headers: new Headers() }).status).toBe(404);
    app.ctx.close();
  });
});
