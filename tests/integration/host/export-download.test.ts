// The browser shell's download of an export (GET /export-file?path=<savedTo>): the bytes the app
// wrote, from its exports folder only. Traversal by `..` (both separators, encoded or not), a link
// planted inside the folder, a folder, a relative path and a missing token are all refused.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportFile } from '../../../src-main/contract';
import { isInsideFolder, resolveExportFile } from '../../../src-main/app/export-access';
import { startHost, type RunningHost } from '../../../src-main/host/server';
import { openTestApp } from '../../helpers';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function get(port: number, pathname: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: pathname }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('downloading an export from the browser shell', () => {
  const app = openTestApp();
  let host: RunningHost;
  let roster: ExportFile;
  const exportsDir = path.join(app.dataDir, 'exports');
  const link = (file: string, extra = '') => `/export-file?path=${encodeURIComponent(file)}&token=${host.token}${extra}`;

  beforeAll(async () => {
    host = await startHost({ ctx: app.ctx, dispatch: app.dispatch, rendererDir: null, log: () => {} });
    const reply = await app.dispatch('roster:export', { language: 'en' });
    if (!reply.ok) throw new Error(reply.error.message);
    roster = reply.value as ExportFile;
    fs.writeFileSync(path.join(app.dataDir, 'outside.pdf'), 'outside the exports folder');
    fs.mkdirSync(path.join(exportsDir, 'certificates'), { recursive: true });
    fs.writeFileSync(path.join(exportsDir, 'certificates', 'batch.pdf'), '%PDF-1.7 batch');
    fs.symlinkSync(path.join(app.dataDir, 'outside.pdf'), path.join(exportsDir, 'planted.pdf'));
    fs.symlinkSync(app.dataDir, path.join(exportsDir, 'up'));
  });
  afterAll(async () => {
    await host.close();
    app.ctx.close();
  });

  it('sends the very bytes the export wrote, as an attachment under its own name', async () => {
    expect(path.dirname(roster.savedTo)).toBe(exportsDir);
    const reply = await get(host.port, link(roster.savedTo));
    expect(reply.status).toBe(200);
    expect(reply.body.equals(fs.readFileSync(roster.savedTo))).toBe(true);
    expect(reply.body.equals(Buffer.from(roster.contentBase64, 'base64'))).toBe(true);
    expect(reply.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${encodeURIComponent(roster.fileName)}`);
    expect(reply.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(reply.headers['cache-control']).toBe('no-store');
  });

  it('answers a PDF in a subfolder inline for printing, and nothing else inline', async () => {
    const pdf = path.join(exportsDir, 'certificates', 'batch.pdf');
    const inline = await get(host.port, link(pdf, '&inline=1'));
    expect(inline.status).toBe(200);
    expect(inline.headers['content-type']).toBe('application/pdf');
    expect(inline.headers['content-disposition']).toBe("inline; filename*=UTF-8''batch.pdf");
    expect(inline.body.toString()).toBe('%PDF-1.7 batch');
    const xlsx = await get(host.port, link(roster.savedTo, '&inline=1'));
    expect(xlsx.headers['content-disposition']).toMatch(/^attachment;/);
  });

  it('refuses every path that leaves the exports folder, and calls without the token', async () => {
    const outside = path.join(app.dataDir, 'outside.pdf');
    const attempts = [
      outside,
      `${exportsDir}/../outside.pdf`,
      `${exportsDir}/certificates/../../outside.pdf`,
      `${exportsDir}\\..\\outside.pdf`,
      path.join(exportsDir, 'planted.pdf'),
      path.join(exportsDir, 'up', 'outside.pdf'),
      path.join(exportsDir, 'certificates'),
      exportsDir,
      'exports/certificates/batch.pdf',
      `${exportsDir}/certificates/batch.pdf\0.pdf`,
      path.join(exportsDir, 'missing.pdf'),
      path.join(app.dataDir, 'kepu.db'),
    ];
    for (const attempt of attempts) {
      const reply = await get(host.port, link(attempt));
      expect(reply.status, attempt).toBe(404);
      expect(reply.body.toString(), attempt).not.toContain('outside the exports folder');
    }
    expect((await get(host.port, `/export-file?path=${encodeURIComponent(roster.savedTo)}`)).status).toBe(401);
    expect((await get(host.port, `/export-file?path=${encodeURIComponent(roster.savedTo)}&token=wrong`)).status).toBe(401);
    expect((await get(host.port, `/export-file?token=${host.token}`)).status).toBe(404);
  });
});

describe('the exports folder boundary', () => {
  it('holds on Windows paths: case-insensitive drive and names, both separators, no way up', () => {
    const root = 'C:\\Users\\张伟\\AppData\\Roaming\\Kepu Review\\exports';
    expect(isInsideFolder(root, 'c:\\users\\张伟\\appdata\\roaming\\kepu review\\EXPORTS\\roster.xlsx', path.win32)).toBe(true);
    expect(isInsideFolder(root, `${root}/certificates/batch.pdf`, path.win32)).toBe(true);
    expect(isInsideFolder(root, `${root}\\..notes.pdf`, path.win32)).toBe(true);
    expect(isInsideFolder(root, `${root}\\..\\kepu.db`, path.win32)).toBe(false);
    expect(isInsideFolder(root, `${root}/../kepu.db`, path.win32)).toBe(false);
    expect(isInsideFolder(root, 'D:\\Users\\张伟\\AppData\\Roaming\\Kepu Review\\exports\\roster.xlsx', path.win32)).toBe(false);
    expect(isInsideFolder(root, root, path.win32)).toBe(false);
    expect(isInsideFolder(root, `${root}-old\\roster.xlsx`, path.win32)).toBe(false);
  });

  it('answers null for anything that is not a path string', () => {
    for (const value of [undefined, null, 42, '', ['a']]) expect(resolveExportFile('/tmp', value)).toBeNull();
  });
});
