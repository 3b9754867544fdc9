import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignSummary, EntryDetail, EntryRow } from '../../../src-main/contract';
import { startHost, type RunningHost } from '../../../src-main/host/server';
import { APP_FONT_FILES, APP_FONTS_FOLDER } from '../../../src-main/contract/app-fonts';
import { fontPath } from '../../../src-main/core/pdf/font-files';
import { openTestApp, tempDir } from '../../helpers';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function request(port: number, pathname: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: pathname, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('the browser shell host', () => {
  const app = openTestApp();
  // One level down, so the file planted beside it (secret.txt) stays inside the temporary folder.
  const rendererDir = path.join(tempDir(), 'renderer');
  fs.mkdirSync(rendererDir);
  const logged: string[] = [];
  let host: RunningHost;
  const api = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
    request(host.port, `/api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-kepu-token': host.token, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const json = (r: Reply) => JSON.parse(r.body.toString());

  beforeAll(async () => {
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
    fs.writeFileSync(path.join(path.dirname(rendererDir), 'secret.txt'), 'outside');
    host = await startHost({ ctx: app.ctx, dispatch: app.dispatch, rendererDir, log: (line) => logged.push(line) });
  });
  afterAll(async () => {
    await host.close();
    app.ctx.close();
  });

  it('listens on 127.0.0.1 and prints a URL with a long random token', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
  });

  it('answers a valid call with the Result envelope', async () => {
    const reply = await api('template:list', {});
    expect(reply.status).toBe(200);
    expect(json(reply).ok).toBe(true);
    expect(json(reply).value).toHaveLength(2);
  });

  it('refuses calls without or with a wrong token', async () => {
    const missing = await request(host.port, '/api/template:list', { method: 'POST', body: '{}' });
    expect(missing.status).toBe(401);
    expect(JSON.parse(missing.body.toString())).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect((await api('template:list', {}, { 'x-kepu-token': 'guess' })).status).toBe(401);
  });

  it('refuses a foreign Host (DNS rebinding) or Origin and changes nothing', async () => {
    const rebinding = await api('campaign:create', { templateId: 'sichuan-influence-2023' }, { host: `evil.example:${host.port}` });
    expect(rebinding.status).toBe(403);
    expect(json(rebinding).error.code).toBe('FORBIDDEN_ORIGIN');
    const origin = await api('campaign:create', { templateId: 'sichuan-influence-2023' }, { origin: 'http://evil.example' });
    expect(origin.status).toBe(403);
    expect(app.ctx.db.prepare('SELECT count(*) FROM campaigns').pluck().get()).toBe(0);
  });

  it('reports a malformed body or payload with INVALID_REQUEST', async () => {
    const notJson = await api('campaign:create', '{"templateId":');
    expect(notJson.status).toBe(400);
    expect(json(notJson).error).toMatchObject({ code: 'INVALID_REQUEST', params: { path: '(body)' } });
    const wrongType = await api('entry:get', { entryId: 'one' });
    expect(json(wrongType).error).toMatchObject({ code: 'INVALID_REQUEST', params: { path: 'entryId' } });
    expect((await api('no:such', {})).status).toBe(404);
  });

  it('serves media with byte ranges so a video can seek', async () => {
    const works = json(await api('demo:load', {})).value as CampaignSummary;
    const list = json(await api('entry:list', { campaignId: works.id, filter: { query: '洗手' } })).value.rows as EntryRow[];
    const entry = json(await api('entry:get', { entryId: list[0].id })).value as EntryDetail;
    const asset = entry.assets[0];
    const file = fs.readFileSync(app.ctx.assets.location(asset.id).path);
    const whole = await request(host.port, `/media/${asset.id}?token=${host.token}`);
    expect(whole.status).toBe(200);
    expect(whole.headers['content-type']).toBe('video/mp4');
    expect(whole.headers['accept-ranges']).toBe('bytes');
    expect(whole.body.equals(file)).toBe(true);
    const part = await request(host.port, `/media/${asset.id}?token=${host.token}`, { headers: { range: 'bytes=1000-1999' } });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 1000-1999/${file.length}`);
    expect(part.body.equals(file.subarray(1000, 2000))).toBe(true);
    const beyond = await request(host.port, `/media/${asset.id}?token=${host.token}`, { headers: { range: `bytes=${file.length + 10}-` } });
    expect(beyond.status).toBe(416);
    expect((await request(host.port, `/media/${asset.id}`)).status).toBe(401);
    expect((await request(host.port, `/media/999999?token=${host.token}`)).status).toBe(404);
  });

  it('serves the renderer with a strict CSP and never a file outside it', async () => {
    const index = await request(host.port, '/');
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("default-src 'self'");
    expect((await request(host.port, '/../secret.txt')).status).toBe(404);
    expect((await request(host.port, '/%2e%2e/secret.txt')).status).toBe(404);
  });

  it('serves the app fonts beside the page from the font package the PDF writer embeds, and no other file', async () => {
    for (const weight of ['regular', 'bold'] as const) {
      const reply = await request(host.port, `/${APP_FONTS_FOLDER}/${APP_FONT_FILES[weight]}`);
      expect(reply.status).toBe(200);
      expect(reply.headers['content-type']).toBe('font/ttf');
      expect(reply.body.equals(fs.readFileSync(fontPath(weight)))).toBe(true);
    }
    expect((await request(host.port, `/${APP_FONTS_FOLDER}/NotoSansSC_100Thin.ttf`)).status).toBe(404);
    expect((await request(host.port, `/${APP_FONTS_FOLDER}/../../package.json`)).status).toBe(404);
    expect((await request(host.port, `/assets/${APP_FONT_FILES.regular}`)).status).toBe(404);
  });

  it('answers malformed percent-encoding with 400 and a code, not 500 and a stack trace', async () => {
    for (const reply of [await request(host.port, '/%'), await request(host.port, '/%zz/index.html'), await api('%', {}), await api('campaign%3', {})]) {
      expect(reply.status).toBe(400);
      expect(json(reply).error).toMatchObject({ code: 'INVALID_REQUEST', params: { path: '(url)' } });
    }
    expect(logged).toEqual([]);
  });

  it('never echoes more than a few hundred characters of the request in an error', async () => {
    // zod quotes an unknown key in full: a 17 MB key once came back as a 25 MB error.
    const hugeKey = 'k'.repeat(17 * 1000 * 1000);
    const unknownKey = await api('campaign:create', `{"templateId":"sichuan-influence-2023","${hugeKey}":1}`);
    expect(unknownKey.status).toBe(400);
    expect(json(unknownKey).error.code).toBe('INVALID_REQUEST');
    expect(unknownKey.body.length).toBeLessThan(2000);
    const badJson = await api('campaign:create', `{"templateId":"${'x'.repeat(5_000_000)}`);
    expect(json(badJson).error.code).toBe('INVALID_REQUEST');
    expect(badJson.body.length).toBeLessThan(2000);
    const unknownChannel = await api('x'.repeat(8000), {});
    expect(json(unknownChannel).error.code).toBe('UNKNOWN_CHANNEL');
    expect(unknownChannel.body.length).toBeLessThan(2000);
  });

  it('marks every API answer Cache-Control: no-store, errors included', async () => {
    expect((await api('template:list', {})).headers['cache-control']).toBe('no-store');
    expect((await api('entry:get', { entryId: 'one' })).headers['cache-control']).toBe('no-store');
    expect((await request(host.port, '/api/template:list', { method: 'POST', body: '{}' })).headers['cache-control']).toBe('no-store');
  });
});

/** Sends `total` bytes of body in 64 KiB chunks; resolves with the reply the client actually got. */
function sendLargeBody(port: number, token: string, total: number, declareLength: boolean): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-kepu-token': token };
    if (declareLength) headers['content-length'] = String(total);
    const req = http.request({ host: '127.0.0.1', port, path: '/api/intake:preview', method: 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString() }));
      res.on('error', reject);
    });
    // A write after the server stopped reading may fail; what counts is the reply received.
    req.on('error', reject);
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    let sent = 0;
    const pump = () => {
      while (sent < total) {
        const piece = chunk.subarray(0, Math.min(chunk.length, total - sent));
        sent += piece.length;
        if (!req.write(piece)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

describe('the browser shell host with a request body over the limit', () => {
  const app = openTestApp();
  let host: RunningHost;
  beforeAll(async () => {
    host = await startHost({ ctx: app.ctx, dispatch: app.dispatch, rendererDir: null, log: () => {}, maxBodyBytes: 1 << 20 });
  });
  afterAll(async () => {
    await host.close();
    app.ctx.close();
  });

  it.each([
    ['streamed without a length', false],
    ['with a declared Content-Length', true],
  ])('answers 413 REQUEST_TOO_LARGE that the client receives (%s)', async (_how, declareLength) => {
    const reply = await sendLargeBody(host.port, host.token, 17 * 1000 * 1000, declareLength);
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'REQUEST_TOO_LARGE', params: { limit: '1 MiB' } } });
  });

  it('still answers after refusing a large body', async () => {
    await sendLargeBody(host.port, host.token, 3 << 20, false);
    const reply = await request(host.port, '/api/template:list', { method: 'POST', headers: { 'x-kepu-token': host.token }, body: '{}' });
    expect(reply.status).toBe(200);
  });

  it('downloads an exported review package by its bare name, with the token, and nothing else', async () => {
    const exports = path.join(app.ctx.dataDir, 'exports');
    fs.mkdirSync(exports, { recursive: true });
    const bytes = Buffer.from('package bytes \u0000\u0001');
    fs.writeFileSync(path.join(exports, '张伟-2026-12-03-1.kepupkg'), bytes);
    fs.writeFileSync(path.join(exports, 'notes.txt'), 'not a package');
    fs.writeFileSync(path.join(app.ctx.dataDir, 'outside.kepupkg'), 'outside');
    const name = encodeURIComponent('张伟-2026-12-03-1.kepupkg');
    const ok = await request(host.port, `/download/${name}?token=${host.token}`);
    expect(ok.status).toBe(200);
    expect(ok.body.equals(bytes)).toBe(true);
    expect(ok.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${name}`);
    expect(ok.headers['cache-control']).toBe('no-store');
    expect((await request(host.port, `/download/${name}`)).status).toBe(401);
    expect((await request(host.port, `/download/${name}?token=wrong`)).status).toBe(401);
    for (const bad of ['notes.txt', '..%2Foutside.kepupkg', '..%5Coutside.kepupkg', 'missing.kepupkg']) {
      const reply = await request(host.port, `/download/${bad}?token=${host.token}`);
      expect(reply.status, bad).toBe(404);
      expect(reply.body.toString()).not.toContain('outside');
    }
  });
});

