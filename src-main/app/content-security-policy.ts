// The renderer's Content-Security-Policy, one list for both shells (and the meta tag in
// index.html): nothing remote, no inline script. The desktop shell adds its media scheme, which
// only exists there. Entrants' PDFs are never framed in the app window (electron/pdf-window.ts);
// frames are 'self' only: the browser shell prints a PDF export from a hidden frame of its own
// origin (the host's /export-file route); no blob: frames (the desktop app prints in print.ts).
export function contentSecurityPolicy(mediaScheme?: string): string {
  const media = mediaScheme ? ` ${mediaScheme}:` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${media}`,
    `media-src 'self' blob:${media}`,
    "font-src 'self' data:",
    `connect-src 'self'${media}`,
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
