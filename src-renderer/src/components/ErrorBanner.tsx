// Errors arrive as codes; the banner shows only the translated message. The code is for support,
// not for the reader: "Copy details" puts the message, the code and its parameters on the
// clipboard (or, where the clipboard is refused, shows them selected for Ctrl+C).
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../stores/useAppStore';

type CopyState = 'idle' | 'copied' | 'manual';

/** What support needs to recognise the error: the message as shown, the stable code, its parameters. */
export function errorDetails(message: string, code: string, params: Readonly<Record<string, unknown>>): string {
  const shown = Object.keys(params).length > 0 ? `\n${JSON.stringify(params)}` : '';
  return `${message}\n[${code}]${shown}`;
}

export function ErrorBanner() {
  const { t } = useTranslation();
  const error = useAppStore((s) => s.error);
  const clearError = useAppStore((s) => s.clearError);
  const [copy, setCopy] = useState<CopyState>('idle');
  const manualRef = useRef<HTMLTextAreaElement>(null);

  // A new error starts without the previous one's copy state.
  useEffect(() => setCopy('idle'), [error]);
  useEffect(() => {
    if (copy === 'manual') manualRef.current?.select();
  }, [copy]);

  if (!error) return null;
  const message = t(`errors.${error.code}`, { ...error.params });
  const details = errorDetails(message, error.code, error.params);
  const copyDetails = () =>
    void navigator.clipboard.writeText(details).then(
      () => setCopy('copied'),
      () => setCopy('manual'),
    );

  return (
    <div className="error-banner" role="alert" data-testid="error-banner">
      <span className="error-banner-message">{message}</span>
      <span className="error-banner-actions">
        <span className="small" role="status" data-testid="error-banner-copy-state">
          {copy === 'copied' ? t('errorBanner.copied') : ''}
        </span>
        <button type="button" className="link" onClick={copyDetails} data-testid="error-banner-copy">
          {t('errorBanner.copyDetails')}
        </button>
        <button type="button" className="error-banner-dismiss" onClick={clearError} aria-label={t('common.dismiss')} data-testid="error-banner-dismiss">
          ×
        </button>
      </span>
      {copy === 'manual' && (
        <label className="error-banner-manual">
          <span className="small">{t('errorBanner.copyManual')}</span>
          <textarea ref={manualRef} readOnly rows={3} value={details} data-testid="error-banner-details" />
        </label>
      )}
    </div>
  );
}
