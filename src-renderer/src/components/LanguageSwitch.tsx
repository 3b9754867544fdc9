import { useTranslation } from 'react-i18next';
import type { Language } from '../../../src-main/contract';
import { supportedLanguages } from '../i18n';
import { useAppStore } from '../stores/useAppStore';

/** Each language is named in itself, so a user who cannot read the current one still finds theirs. */
const NATIVE_NAMES: Record<Language, string> = { 'zh-CN': '简体中文', en: 'English' };

export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const setLanguage = useAppStore((s) => s.setLanguage);
  return (
    <label className="language-switch">
      <span className="visually-hidden">{t('settings.language')}</span>
      <select
        data-testid="language-switch"
        value={language}
        onChange={(e) => void setLanguage(e.target.value as Language)}
      >
        {supportedLanguages.map((l) => (
          <option key={l} value={l}>
            {NATIVE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
