// "Verify certificate": type the printed serial and check code (looked up in this computer's
// register), paste the full code, or open a photo (PNG/JPEG) of the QR code or one of our PDFs;
// the answer — valid, invalid, expired, revoked, replaced, or not yet
// valid (dated after today) — comes from the signature, this installation's register and the
// dates, offline.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrustedIssuer, VerifyResult } from '../../../../src-main/contract';
import { invoke } from '../../api';
import { fileToBase64 } from '../../files';
import { localized } from '../../format';
import { useAppStore } from '../../stores/useAppStore';

export function VerifyCertificate() {
  const { t, i18n } = useTranslation();
  const run = useAppStore((s) => s.run);
  const [text, setText] = useState('');
  const [result, setResult] = useState<VerifyResult | null>(null);
  const [source, setSource] = useState('');
  const [issuers, setIssuers] = useState<TrustedIssuer[]>([]);
  // Only the latest read of the list is shown: the first read, answered late, must not put back a
  // list without the issuer just trusted (seen in an e2e run: the card imported, the list empty).
  const issuerReads = useRef(0);
  const readIssuers = useCallback(async () => {
    const read = ++issuerReads.current;
    const list = await run(() => invoke('certificates:issuers', {}));
    if (list && read === issuerReads.current) setIssuers(list);
  }, [run]);
  useEffect(() => {
    void readIssuers();
  }, [readIssuers]);

  async function trust(list: FileList | null) {
    const file = list?.[0];
    if (!file) return;
    const added = await run(async () => invoke('certificates:trustIssuer', { card: { fileName: file.name, contentBase64: await fileToBase64(file) } }));
    if (added) await readIssuers();
  }

  async function verifyText() {
    if (!text.trim()) return;
    const r = await run(() => invoke('certificates:verify', { text: text.trim() }));
    if (r) {
      setResult(r);
      setSource(t('certificates.verify.fromText'));
    }
  }
  async function verifyFile(list: FileList | null) {
    const file = list?.[0];
    if (!file) return;
    const r = await run(async () => invoke('certificates:verify', { file: { fileName: file.name, contentBase64: await fileToBase64(file) } }));
    if (r) {
      setResult(r);
      setSource(file.name);
    }
  }

  return (
    <section className="panel verify-certificate" data-testid="verify-certificate">
      <h2>{t('certificates.verify.title')}</h2>
      <p className="muted small">{t('certificates.verify.help')}</p>
      <div className="verify-inputs">
        <textarea value={text} rows={3} onChange={(e) => setText(e.target.value)} placeholder={t('certificates.verify.placeholder')} aria-label={t('certificates.verify.placeholder')} data-testid="verify-text" />
        <div className="actions">
          <button type="button" className="primary" onClick={() => void verifyText()} data-testid="verify-button">
            {t('certificates.verify.check')}
          </button>
          <label className="file-button">
            {t('certificates.verify.openFile')}
            <input type="file" className="visually-hidden" accept="image/png,image/jpeg,application/pdf,.png,.jpg,.jpeg,.pdf" data-testid="verify-file" onChange={(e) => void verifyFile(e.target.files)} />
          </label>
        </div>
      </div>
      {result && (
        <div className={`verify-result status-${result.status}`} data-testid="verify-result" role="status">
          <p className="verify-status">
            <strong>{t(`certificates.status.${result.status}`)}</strong>
            {result.reason && <> — {t(`certificates.reason.${result.reason}`)}</>}
            <span className="muted small"> · {source}</span>
          </p>
          {result.fields && (
            <dl className="verify-fields">
              <dt>{t('certificates.fields.serial')}</dt>
              <dd className="mono">{result.fields.serial}</dd>
              <dt>{t('certificates.fields.holder')}</dt>
              <dd>{result.fields.holderName}</dd>
              {result.register?.holderUnit && (
                <>
                  <dt>{t('certificates.fields.unit')}</dt>
                  <dd>{result.register.holderUnit}</dd>
                </>
              )}
              <dt>{t('certificates.fields.kind')}</dt>
              <dd>{result.kindLabel ? localized(result.kindLabel, i18n.language) : t('certificates.fields.unknownKind')}</dd>
              {result.listLabel && (
                <>
                  <dt>{t('certificates.fields.list')}</dt>
                  <dd data-testid="verify-list">{localized(result.listLabel, i18n.language)}</dd>
                </>
              )}
              {result.register && (
                <>
                  <dt>{t('certificates.fields.award')}</dt>
                  <dd data-testid="verify-award">{localized(result.register.body, i18n.language)}</dd>
                </>
              )}
              {result.campaignName && (
                <>
                  <dt>{t('certificates.fields.campaign')}</dt>
                  <dd>{localized(result.campaignName, i18n.language)}</dd>
                </>
              )}
              <dt>{t('certificates.fields.issueDate')}</dt>
              <dd>{result.fields.issueDate}</dd>
              <dt>{t('certificates.fields.validUntil')}</dt>
              <dd>{result.fields.validUntil ?? t('certificates.fields.noExpiry')}</dd>
              <dt>{t('certificates.fields.issuer')}</dt>
              <dd>
                {result.issuerName ?? '—'} <span className="mono small muted">{result.issuerFingerprint ?? ''}</span>
              </dd>
            </dl>
          )}
          {(result.checkedBy === 'shortCode' || result.checkedBy === 'serial') && result.fields && (
            <p className="small" data-testid="verify-checked-by">
              {t(`certificates.verify.checkedBy.${result.checkedBy}`)}
            </p>
          )}
          {result.status === 'not_yet_valid' && result.fields && <p data-testid="verify-not-yet-valid">{t('certificates.verify.notYetValid', { date: result.fields.issueDate })}</p>}
          {result.replacedBy && <p>{t('certificates.verify.replacedBy', { serial: result.replacedBy })}</p>}
          {result.revokeReason && <p>{t('certificates.verify.revokeReason', { reason: result.revokeReason })}</p>}
          {result.others.length > 0 && (
            <details>
              <summary>{t('certificates.verify.others', { count: result.others.length })}</summary>
              <ul className="plain-list small">
                {result.others.map((o, i) => (
                  <li key={i}>
                    <span className="mono">{o.serial ?? '—'}</span> {t(`certificates.state.${o.status}`)}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
      <details className="issuers" data-testid="trusted-issuers">
        <summary>{t('certificates.issuers.title', { count: issuers.length })}</summary>
        <p className="small muted">{t('certificates.issuers.help')}</p>
        <ul className="plain-list">
          {issuers.map((i) => (
            <li key={i.keyId}>
              {i.name} <span className="mono small">{i.fingerprint}</span>
            </li>
          ))}
        </ul>
        <label className="file-button">
          {t('certificates.issuers.add')}
          <input type="file" className="visually-hidden" accept=".kepukey,application/json" data-testid="issuer-card" onChange={(e) => void trust(e.target.files)} />
        </label>
      </details>
    </section>
  );
}
