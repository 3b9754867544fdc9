import { useTranslation } from 'react-i18next';
import { useAppStore } from '../stores/useAppStore';
import { LanguageSwitch } from './LanguageSwitch';

export function TopBar() {
  const { t } = useTranslation();
  const view = useAppStore((s) => s.view);
  const go = useAppStore((s) => s.go);
  return (
    <header className="topbar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">科</span>
        <span className="brand-name">{t('app.name')}</span>
      </div>
      <nav className="topnav" aria-label={t('nav.label')}>
        <button
          type="button"
          className={view.name === 'campaigns' || view.name === 'campaign' ? 'active' : ''}
          onClick={() => go({ name: 'campaigns' })}
          data-testid="nav-campaigns"
        >
          {t('nav.campaigns')}
        </button>
        <button type="button" className={view.name === 'verify' ? 'active' : ''} onClick={() => go({ name: 'verify' })} data-testid="nav-verify">
          {t('nav.verify')}
        </button>
        <button type="button" className={view.name === 'roster' ? 'active' : ''} onClick={() => go({ name: 'roster' })} data-testid="nav-roster">
          {t('roster.nav')}
        </button>
        <button type="button" className={view.name === 'settings' ? 'active' : ''} onClick={() => go({ name: 'settings' })} data-testid="nav-settings">
          {t('nav.settings')}
        </button>
      </nav>
      <LanguageSwitch />
    </header>
  );
}
