// The import channels' request (a file or a folder of mails, inline) as the importer's input.
import type { ImportInput } from '../core/intake/import-registrations';

export function importInput(
  source: { fileName: string; contentBase64: string; files?: { fileName: string; contentBase64: string }[] },
  options: Omit<ImportInput, 'fileName' | 'bytes' | 'files'>,
): ImportInput {
  // A folder of mails arrives as its files.
  const files = source.files?.map((f) => ({ fileName: f.fileName, bytes: Buffer.from(f.contentBase64, 'base64') }));
  return { fileName: source.fileName, bytes: Buffer.from(source.contentBase64, 'base64'), ...(files ? { files } : {}), ...options };
}
