// Small helpers of the certificates screens.
export { fileToBase64 } from '../../files';

export function formatBytesShort(bytes: number): string {
  return bytes < 1e6 ? `${Math.round(bytes / 100) / 10} kB` : `${Math.round(bytes / 1e5) / 10} MB`;
}

/** Prints a PDF (base64) through the window's built-in PDF viewer in a hidden frame. */
export function printPdf(contentBase64: string): void {
  const bytes = Uint8Array.from(atob(contentBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  const frame = document.createElement('iframe');
  frame.className = 'print-frame';
  frame.src = url;
  frame.onload = () => {
    frame.contentWindow?.focus();
    frame.contentWindow?.print();
    setTimeout(() => {
      frame.remove();
      URL.revokeObjectURL(url);
    }, 60_000);
  };
  document.body.appendChild(frame);
}
