// Small helpers of the certificates screens.
export { fileToBase64 } from '../../files';

export function formatBytesShort(bytes: number): string {
  return bytes < 1e6 ? `${Math.round(bytes / 100) / 10} kB` : `${Math.round(bytes / 1e5) / 10} MB`;
}
