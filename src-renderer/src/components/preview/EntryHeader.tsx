// Top of the pane: registration number, entry type and category, title, who entered it (or the
// blind-review note) and the stated reason, folded to three lines until the judge opens it.
import { useLayoutEffect, useRef, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntryKindDef, ReviewState } from '../../../../src-main/contract';
import { localized } from '../../format';
import { Icon } from './icons';

export function EntryHeader({ state, kindDef }: { state: ReviewState; kindDef: EntryKindDef | undefined }): JSX.Element {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const category = kindDef?.categories.find((c) => c.key === state.category);
  const hidden = state.blind || state.entrantName === null;
  return (
    <header className="pv-head">
      <div className="pv-head-line">
        <span className="mono muted">{state.regNo}</span>
        {kindDef && (
          <span className="pv-chip">
            {localized(kindDef.label, lang)}
            {category && ` · ${localized(category.label, lang)}`}
          </span>
        )}
      </div>
      <h2 className="pv-title" data-testid="preview-title">
        {state.title}
      </h2>
      {hidden ? (
        <p className="pv-blind" data-testid="preview-blind">
          <Icon name="eyeOff" size={15} />
          {t('preview.blind')}
        </p>
      ) : (
        <p className="pv-entrant">
          <span className="muted">{t('preview.entrant')}</span> {state.entrantName}
          {state.entrantUnit && state.entrantUnit !== state.entrantName && <span className="muted"> · {state.entrantUnit}</span>}
        </p>
      )}
      {state.reason && <Reason text={state.reason} />}
    </header>
  );
}

function Reason({ text }: { text: string }): JSX.Element {
  const { t } = useTranslation();
  const ref = useRef<HTMLParagraphElement>(null);
  const [open, setOpen] = useState(false);
  const [overflows, setOverflows] = useState(false);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || open) return;
    const measure = () => setOverflows(element.scrollHeight > element.clientHeight + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [text, open]);
  return (
    <div className="pv-reason">
      <p ref={ref} className={open ? undefined : 'clamped'}>
        <span className="pv-reason-label muted">{t('preview.reason')}</span>
        {text}
      </p>
      {(overflows || open) && (
        <button type="button" className="link small" onClick={() => setOpen(!open)} aria-expanded={open}>
          {open ? t('preview.showLess') : t('preview.showMore')}
        </button>
      )}
    </div>
  );
}
