// "Your identity": the signing key of this installation. Judges read the fingerprint to the
// coordinator over the phone and send the key card; coordinators sign packages with the same key.
import { useEffect, useState } from 'react';
import { withHeldOpenNote } from '../../held-open';
import { useTranslation } from 'react-i18next';
import type { IdentityStatus } from '../../../../src-main/contract';
import { invoke } from '../../api';
import { useDeliveredExport } from '../../hooks/useDeliveredExport';
import { ExportActions } from '../ExportActions';
import { useAppStore } from '../../stores/useAppStore';
import { useConfirmStore } from '../../stores/useConfirmStore';

export function IdentityPanel() {
  const { t } = useTranslation();
  const [exported, deliver] = useDeliveredExport();
  const run = useAppStore((s) => s.run);
  const askText = useConfirmStore((s) => s.askText);
  const [status, setStatus] = useState<IdentityStatus | null>(null);
  const [name, setName] = useState('');
  const [institution, setInstitution] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    void run(() => invoke('identity:status', {})).then((s) => s && setStatus(s));
  }, [run]);

  if (!status) return null;
  const needsPassphrase = status.protection === 'passphrase';

  /** A key the OS sealed gets a passphrase copy, for the CLI and the browser shell (and if the OS loses it). */
  async function sealWithPassphrase() {
    const chosen = await askText({
      title: t('identity.passphraseCopy.title'),
      body: t('identity.passphraseCopy.body'),
      confirmLabel: t('identity.passphraseCopy.confirm'),
      cancelLabel: t('common.cancelAction'),
      text: { label: t('identity.passphrase'), required: true, secret: true },
    });
    if (chosen === null) return;
    const s = await run(() => invoke('identity:sealWithPassphrase', { passphrase: chosen }));
    if (s) {
      setStatus(s);
      setNotice(t('identity.passphraseCopy.done'));
    }
  }

  async function create() {
    const s = await run(() => invoke('identity:create', { name, ...(institution ? { institution } : {}), ...(needsPassphrase ? { passphrase } : {}) }));
    if (s) {
      setStatus(s);
      setPassphrase('');
      setRepeat('');
    }
  }

  return (
    <section className="panel" aria-labelledby="identity-heading" data-testid="identity-panel">
      <h2 id="identity-heading">{t('identity.title')}</h2>
      {!status.exists ? (
        <form
          className="stack-form"
          onSubmit={(e) => {
            e.preventDefault();
            void create();
          }}
        >
          <p className="muted small">{t(needsPassphrase ? 'identity.introPassphrase' : 'identity.introOs')}</p>
          <label>
            <span>{t('identity.name')}</span>
            <input value={name} onChange={(e) => setName(e.target.value)} data-testid="identity-name" />
          </label>
          <label>
            <span>{t('identity.institution')}</span>
            <input value={institution} onChange={(e) => setInstitution(e.target.value)} />
          </label>
          {needsPassphrase && (
            <>
              <label>
                <span>{t('identity.passphrase')}</span>
                <input type="password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} data-testid="identity-passphrase" autoComplete="new-password" />
              </label>
              <label>
                <span>{t('identity.repeat')}</span>
                <input type="password" value={repeat} onChange={(e) => setRepeat(e.target.value)} data-testid="identity-repeat" autoComplete="new-password" />
              </label>
              {passphrase && passphrase.length < 8 && <p className="missing small">{t('identity.tooShort')}</p>}
              {repeat && repeat !== passphrase && <p className="missing small">{t('identity.mismatch')}</p>}
            </>
          )}
          <button
            type="submit"
            className="primary"
            data-testid="identity-create"
            disabled={!name.trim() || (needsPassphrase && (passphrase.length < 8 || passphrase !== repeat))}
          >
            {t('identity.create')}
          </button>
        </form>
      ) : (
        <>
          <dl>
            <dt>{t('identity.name')}</dt>
            <dd>{status.name}{status.institution ? ` · ${status.institution}` : ''}</dd>
            <dt>{t('identity.fingerprint')}</dt>
            <dd className="fingerprint" data-testid="identity-fingerprint">{status.fingerprint}</dd>
            <dt>{t('identity.state')}</dt>
            <dd>{status.unlocked ? t('identity.unlocked') : t('identity.locked')}</dd>
          </dl>
          <p className="muted small" data-testid="identity-fingerprint-hint">{t(`identity.fingerprintHint.${status.role}`)}</p>
          <div className="row">
            {status.unlocked ? (
              <>
                <button
                  type="button"
                  data-testid="export-keycard"
                  onClick={async () => {
                    const file = await run(() => invoke('identity:keycard', {}));
                    if (file) {
                      deliver(file);
                      setNotice(withHeldOpenNote(t, file, t('compliance.exported', { file: file.fileName, path: file.savedTo })));
                    }
                  }}
                >
                  {t('identity.exportCard')}
                </button>
                {!needsPassphrase && !status.passphraseCopy && (
                  <button type="button" onClick={() => void sealWithPassphrase()} data-testid="identity-passphrase-copy">
                    {t('identity.passphraseCopy.button')}
                  </button>
                )}
                {needsPassphrase && (
                  <button type="button" onClick={async () => setStatus((await run(() => invoke('identity:lock', {}))) ?? status)}>
                    {t('identity.lock')}
                  </button>
                )}
              </>
            ) : (
              <form
                className="row"
                onSubmit={async (e) => {
                  e.preventDefault();
                  const s = await run(() => invoke('identity:unlock', needsPassphrase ? { passphrase } : {}));
                  if (s) {
                    setStatus(s);
                    setPassphrase('');
                  }
                }}
              >
                {needsPassphrase && (
                  <input type="password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} placeholder={t('identity.passphrase')} data-testid="unlock-passphrase" />
                )}
                <button type="submit" className="primary" data-testid="unlock">
                  {t('identity.unlock')}
                </button>
              </form>
            )}
          </div>
          {!needsPassphrase && status.passphraseCopy && <p className="muted small">{t('identity.passphraseCopy.has')}</p>}
          {notice && <p className="muted small">{notice}</p>}
          <ExportActions file={exported} testId="keycard-export-actions" />
        </>
      )}
    </section>
  );
}
