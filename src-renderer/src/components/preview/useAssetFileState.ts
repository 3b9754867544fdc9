// Whether a media file is still the one that was checked (media:assetState): asked by the viewers
// that cannot learn why a file would not load from the refused response itself (an <iframe>, a
// <video>, an <img>; see MediaFileProblem.tsx). null while the answer is on its way; a failed
// question counts as unreadable. `attempt` asks again (a retry after a re-check).
import { useEffect, useState } from 'react';
import type { AssetFileState } from '../../../../src-main/contract';
import { invoke } from '../../api';

export function useAssetFileState(assetId: number, attempt = 0): AssetFileState | null {
  const [state, setState] = useState<AssetFileState | null>(null);
  useEffect(() => {
    let live = true;
    invoke('media:assetState', { assetId })
      .then((r) => live && setState(r.state))
      .catch(() => live && setState('unreadable'));
    return () => {
      live = false;
    };
  }, [assetId, attempt]);
  return state;
}
