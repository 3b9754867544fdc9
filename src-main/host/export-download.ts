// The browser shell's "Save as…" and print: an export the app wrote, served back from the exports
// folder (app/export-access.ts decides which files qualify). GET /export-file?path=<savedTo>&token=…
// answers it as a download; `&inline=1` answers a PDF inline so the page can print it from a frame
// of its own origin. Only PDFs are ever inline: an HTML export shown inline would run as the app.
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { exportMimeType, resolveExportFile } from '../app/export-access';

export const EXPORT_FILE_ROUTE = '/export-file';

export type ExportDownloadOutcome = { served: true } | { served: false; reason: 'not-found' };

export function serveExportFile(dataDir: string, url: URL, req: http.IncomingMessage, res: http.ServerResponse): ExportDownloadOutcome {
  const file = resolveExportFile(dataDir, url.searchParams.get('path'));
  if (!file || (req.method !== 'GET' && req.method !== 'HEAD')) return { served: false, reason: 'not-found' };
  const name = path.basename(file);
  const inline = url.searchParams.get('inline') === '1' && path.extname(file).toLowerCase() === '.pdf';
  const size = fs.statSync(file).size;
  res.writeHead(200, {
    'Content-Type': inline ? 'application/pdf' : exportMimeType(file),
    'Content-Length': String(size),
    'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(name)}`,
    'Cache-Control': 'no-store',
  });
  if (req.method === 'HEAD') {
    res.end();
    return { served: true };
  }
  const stream = fs.createReadStream(file);
  stream.pipe(res);
  res.on('close', () => stream.destroy());
  return { served: true };
}
