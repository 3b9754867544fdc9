// An entrant's link, shown as text and never as a navigation: the judge is offline and the app
// opens nothing (DESIGN.md §3). A copy button puts it on the clipboard for later.
import { useEffect, useRef, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './icons';

type CopyState = 'idle' | 'copied' | 'manual';

async function copy(text: string, element: HTMLElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard permission (e.g. a locked-down shell): select the text for Ctrl+C instead.
    if (!element) return false;
    const range = document.createRange();
    range.selectNodeContents(element);
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    return false;
  }
}

export function LinkText({ url }: { url: string }): JSX.Element {
  const { t } = useTranslation();
  const textRef = useRef<HTMLSpanElement>(null);
  const [state, setState] = useState<CopyState>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = window.setTimeout(() => setState('idle'), 2500);
    return () => window.clearTimeout(timer);
  }, [state]);

  return (
    <span className="pv-link">
      <span ref={textRef} className="pv-link-text" translate="no">
        {url}
      </span>
      <button
        type="button"
        className="pv-icon-btn small-btn"
        onClick={() => void copy(url, textRef.current).then((ok) => setState(ok ? 'copied' : 'manual'))}
        aria-label={t('preview.copyLink')}
        title={t('preview.copyLink')}
      >
        <Icon name="copy" size={15} />
      </button>
      <span className="pv-copy-state small" role="status">
        {state === 'copied' ? t('preview.copied') : state === 'manual' ? t('preview.copyManual') : ''}
      </span>
    </span>
  );
}
