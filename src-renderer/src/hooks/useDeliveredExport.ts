// The export a panel last wrote, for its ExportActions row. In the browser shell the file is also
// downloaded at once (what users of a web page expect, and the e2e flows rely on); in the desktop
// app nothing pops up: the row says where the file is and offers "Save as…" and "Show in folder".
import { useState } from 'react';
import type { ExportFile } from '../../../src-main/contract';
import { shellKind } from '../api';
import { downloadBase64 } from '../files';

export type DeliveredExport = Pick<ExportFile, 'fileName' | 'savedTo' | 'heldOpen'>;

export function useDeliveredExport(): [DeliveredExport | null, (file: ExportFile) => void] {
  const [delivered, setDelivered] = useState<DeliveredExport | null>(null);
  const deliver = (file: ExportFile) => {
    if (shellKind() === 'browser') downloadBase64(file.fileName, file.mimeType, file.contentBase64);
    setDelivered({ fileName: file.fileName, savedTo: file.savedTo, ...(file.heldOpen ? { heldOpen: file.heldOpen } : {}) });
  };
  return [delivered, deliver];
}
