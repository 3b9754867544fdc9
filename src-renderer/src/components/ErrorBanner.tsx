import { useTranslation } from 'react-i18next';
import { useAppStore } from '../stores/useAppStore';

/** Errors arrive as codes; the message shown is the translation, the code stays visible for support. */
export function ErrorBanner() {
  const { t } = useTranslation();
  const error = useAppStore((s) => s.error);
  const clearError = useAppStore((s) => s.clearError);
  if (!error) return null;
  return (
    <div className="error-banner" role="alert" data-testid="error-banner">
      <span>
        {t(`errors.${error.code}`, { ...error.params })} <code>{error.code}</code>
      </span>
      <button type="button" onClick={clearError} aria-label={t('common.dismiss')}>
        ×
      </button>
    </div>
  );
}
