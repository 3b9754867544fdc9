import { useTranslation } from 'react-i18next';

const KEYS: [string, string][] = [
  ['0–9', 'digits'],
  ['↑ ↓', 'arrows'],
  ['⌫', 'clear'],
  ['Tab', 'tab'],
  ['n / p', 'nextPrev'],
  ['u', 'nextUnscored'],
  ['c', 'complete'],
  ['y / n / u', 'eligibility'],
  ['↑ ↓', 'eligibilityMove'],
  ['Space', 'play'],
  [', .', 'frames'],
  ['[ ]', 'pages'],
  ['?', 'help'],
  ['Esc', 'close'],
];

export function ShortcutSheet({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-labelledby="shortcuts-title" onClick={onClose} data-testid="shortcut-sheet">
      <div className="sheet" onClick={(e) => e.stopPropagation()}>
        <h2 id="shortcuts-title">{t('review.shortcuts.title')}</h2>
        <dl className="shortcuts">
          {KEYS.map(([key, name]) => (
            <div key={name}>
              <dt>
                <kbd>{key}</kbd>
              </dt>
              <dd>{t(`review.shortcuts.${name}`)}</dd>
            </div>
          ))}
        </dl>
        <button type="button" autoFocus onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </div>
  );
}
