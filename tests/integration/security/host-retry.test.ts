// Red-team retry of the browser shell (issue 11 item 7 and the media endpoint of item 8) with
// spellings the host tests do not use: encoded traversal, NUL bytes, truncated UTF-8, a Host header
// with another port, an "Origin: null", prototype keys in a request body, a deeply nested and a
// large flat JSON body. Every one must be a small coded answer (never 500, never a file outside).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../../src-main/host/server';
import { openTestApp, tempDir } from '../../helpers';

interface Reply { status: number; body: string }

function send(port: number, rawPath: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: rawPath, method: options.method ?? 'GET', headers: { host: `127.0.0.1:${port}`, ...options.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('browser shell, attacked again', () => {
  const app = openTestApp();
  const parent = tempDir();
  const rendererDir = path.join(parent, 'renderer');
  const logged: string[] = [];
  let host: RunningHost;
  const api = (channel: string, body: string | Buffer, headers: Record<string, string> = {}) =>
    send(host.port, `/api/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-kepu-token': host.token, ...headers }, body });

  beforeAll(async () => {
    fs.mkdirSync(rendererDir);
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
    fs.writeFileSync(path.join(parent, 'secret.txt'), 'outside-secret');
    host = await startHost({ ctx: app.ctx, dispatch: app.dispatch, rendererDir, log: (line) => logged.push(line) });
  });
  afterAll(async () => {
    await host.close();
    app.ctx.close();
    fs.rmSync(parent, { recursive: true, force: true });
  });

  const traversals = ['/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%2fsecret.txt', '/..%5csecret.txt', '/%252e%252e%252fsecret.txt', '/index.html%00.js', '/%00', '/%E4%B8', '/%C0%AE%C0%AE/secret.txt', '/renderer/../secret.txt', '//secret.txt'];
  for (const rawPath of traversals) {
    it(`static ${rawPath} never serves a file outside the renderer and never fails with 500`, async () => {
      const reply = await send(host.port, rawPath);
      expect(reply.body).not.toContain('outside-secret');
      expect([200, 400, 404]).toContain(reply.status);
      if (reply.status !== 200) expect(JSON.parse(reply.body).error.code).toMatch(/^(NOT_FOUND|INVALID_REQUEST)$/);
    });
  }

  const mediaPaths = ['/media/1%2f..%2f..%2fetc%2fpasswd', '/media/..%2f..%2fsecret.txt', '/media/%31', '/media/-1', '/media/1.5', '/media/99999999999999999999', '/media/%'];
  for (const rawPath of mediaPaths) {
    it(`media ${rawPath} is a coded 4xx`, async () => {
      const reply = await send(host.port, `${rawPath}?token=${host.token}`);
      expect(reply.status).toBeGreaterThanOrEqual(400);
      expect(reply.status).toBeLessThan(500);
      expect(JSON.parse(reply.body).ok).toBe(false);
    });
  }

  it('refuses a Host header with another port, no port, a trailing dot or an IPv6 loopback, and "Origin: null"', async () => {
    for (const hostHeader of [`127.0.0.1:${host.port + 1}`, '127.0.0.1', `localhost.:${host.port}`, `[::1]:${host.port}`, `127.0.0.1:${host.port}@evil.test`, `127.0.0.1:0${host.port}`]) {
      const reply = await send(host.port, '/api/template:list', { method: 'POST', headers: { host: hostHeader, 'x-kepu-token': host.token }, body: '{}' });
      expect(reply.status, hostHeader).toBe(403);
    }
    const nullOrigin = await api('template:list', '{}', { origin: 'null' });
    expect(nullOrigin.status).toBe(403);
  });

  it('a request body with __proto__ / constructor keys is refused or ignored, and pollutes nothing', async () => {
    const reply = await api('campaign:list', '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}');
    expect([200, 400]).toContain(reply.status);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const channel = await api('constructor', '{}');
    expect(channel.status).toBe(404);
    const proto = await api('__proto__', '{}');
    expect(proto.status).toBe(404);
  });

  it('a deeply nested JSON body is a 400, not a crash', async () => {
    const depth = 200_000;
    const body = `{"campaignId":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const reply = await api('campaign:get', body);
    expect(reply.status).toBe(400);
    expect(reply.body.length).toBeLessThan(2_000);
  });

  it('a 20 MB flat JSON array is a short 400 that echoes almost nothing', async () => {
    const body = Buffer.from(`[${Array(10_000_000).fill('1').join(',')}]`);
    const started = Date.now();
    const reply = await api('campaign:list', body);
    expect(reply.status).toBe(400);
    expect(reply.body.length).toBeLessThan(2_000);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(logged.filter((l) => l.length > 10_000)).toEqual([]);
  });
});
