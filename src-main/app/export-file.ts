// An export handed to the UI: the bytes (the renderer offers them as a download or a save dialog)
// and a copy kept in the data folder's exports/ folder, so nothing exported is lost.
import fs from 'node:fs';
import path from 'node:path';
import type { ExportFile } from '../contract';
import type { AppContext } from './context';

export function saveExport(ctx: Pick<AppContext, 'dataDir'>, fileName: string, bytes: Buffer, mimeType: string): ExportFile {
  const dir = path.join(ctx.dataDir, 'exports');
  fs.mkdirSync(dir, { recursive: true });
  const savedTo = path.join(dir, fileName);
  fs.writeFileSync(savedTo, bytes);
  return { fileName, mimeType, contentBase64: bytes.toString('base64'), savedTo };
}
