// Which viewer a document gets, by its file name (the media check does not probe documents).
export type DocumentKind = 'text' | 'html' | 'pdf' | 'other';

export function documentKind(fileName: string): DocumentKind {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName.trim())?.[1]?.toLowerCase() ?? '';
  if (ext === 'txt' || ext === 'md' || ext === 'markdown' || ext === 'text') return 'text';
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
  if (ext === 'pdf') return 'pdf';
  return 'other';
}

/** Text and HTML beyond this many bytes are shown truncated (a novel-length file stays usable). */
export const DOCUMENT_BYTE_LIMIT = 4_000_000;
