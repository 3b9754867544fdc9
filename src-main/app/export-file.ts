// An export handed to the UI: the bytes (the renderer offers them as a download or a save dialog)
// and a copy kept in the data folder's exports/ folder, so nothing exported is lost. Exports hold
// names and phone numbers: written atomically (never half a file, DISK_FULL when the disk is full)
// and readable by the owner only (core/files).
import path from 'node:path';
import type { ExportFile } from '../contract';
import { writeFileAtomic } from '../core/files/atomic-write';
import type { AppContext } from './context';

export function saveExport(ctx: Pick<AppContext, 'dataDir'>, fileName: string, bytes: Buffer, mimeType: string): ExportFile {
  return { fileName, mimeType, contentBase64: bytes.toString('base64'), ...writeExport(path.join(ctx.dataDir, 'exports', fileName), bytes) };
}

/**
 * An export written to `target`; when another program holds `target` open (Excel, WPS, Acrobat on
 * Windows), beside it as "name (2).ext": savedTo is where it went, heldOpen the path asked for.
 */
export function writeExport(target: string, bytes: Buffer): Pick<ExportFile, 'savedTo' | 'heldOpen'> {
  const savedTo = writeFileAtomic(target, bytes, { ifHeld: 'numbered' });
  return savedTo === target ? { savedTo } : { savedTo, heldOpen: target };
}

/**
 * A file the caller (the CLI's --out) asked an export to be written to, resolved; refused when it
 * is one of the app's own files (the database, a key), so an export never overwrites them.
 */
export function checkedExportTarget(ctx: Pick<AppContext, 'protectedFiles'>, targetPath: string | undefined): string | undefined {
  if (!targetPath) return undefined;
  const target = path.resolve(targetPath);
  ctx.protectedFiles.assertNotProtected(target);
  return target;
}
