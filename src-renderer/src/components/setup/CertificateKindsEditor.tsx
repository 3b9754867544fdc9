// The kinds of certificates the programme issues (荣誉证书, 委员证书 valid two years, 感谢函 …):
// name, the large printed title (optional: the name is printed otherwise), validity in months
// (empty: no expiry) and the prefix before serial numbers. A saved kind stays (issued certificates
// name it); one added in this draft can be deleted when no list awards it. In a committee
// campaign each kind also lists the membership steps its certificate waits for.
import { useTranslation } from 'react-i18next';
import type { CertificateKindDef, LocalizedText } from '../../../../src-main/contract';
import { localized } from '../../format';
import { followKey, fresh, isFresh, proposeKey, removeAt, replaceAt } from './draft-keys';
import { emptyText, rekeyCertificate, type SectionProps } from './draft-ops';
import { MembershipStepsEditor } from './MembershipStepsEditor';
import { KeyCell, NumberInput, TextPair } from './SetupControls';

const PREFIX = /^[A-Za-z0-9-]{1,16}$/;

export function CertificateKindsEditor({ draft, original, update }: SectionProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const savedKeys = original.certificates.map((c) => c.key);
  const taken = (i: number) => [...draft.certificates.filter((_, j) => j !== i).map((c) => c.key), ...savedKeys];
  const set = (i: number, next: CertificateKindDef) =>
    update((d) => rekeyCertificate({ ...d, certificates: replaceAt(d.certificates, i, next) }, d.certificates[i].key, next.key));
  const setLabel = (i: number, label: LocalizedText) => {
    const c = draft.certificates[i];
    set(i, { ...c, label, key: isFresh(c) ? followKey(c.key, c.label.en, label.en, taken(i), 'certificate') : c.key });
  };
  const add = () => update((d) => ({ ...d, certificates: [...d.certificates, fresh({ key: proposeKey('', [...d.certificates.map((c) => c.key), ...savedKeys], 'certificate'), label: emptyText(), validityMonths: null })] }));

  return (
    <section className="panel" aria-labelledby="setup-certificates-title">
      <div className="section-head">
        <h2 id="setup-certificates-title">{t('setup.certificateKinds')}</h2>
        <button type="button" onClick={add} data-testid="setup-add-certificate">
          + {t('setup.addCertificateKind')}
        </button>
      </div>
      <p className="muted small">{t('setup.certificateKindsHint')}</p>
      {draft.certificates.map((c, i) => {
        const usedBy = draft.lists.filter((l) => l.certificateKind === c.key || (c.key === 'award' && l.certificateKind === null));
        const title = c.title ?? emptyText();
        const titleHalf = (c.title?.['zh-CN'] === '') !== (c.title?.en === '');
        return (
          <div key={i} className="certificate-card" data-testid={`setup-certificate-${i}`}>
            <div className="setup-grid">
              <label>{t('setup.certificateName')}</label>
              <TextPair value={c.label} onChange={(label) => setLabel(i, label)} testId={`setup-certificate-label-${i}`} />
              <label>{t('setup.key')}</label>
              <span className="inline-hint">
                <KeyCell value={c.key} editable={isFresh(c)} onChange={(key) => set(i, { ...c, key })} testId={`setup-certificate-key-${i}`} />
                <span className="muted small">{isFresh(c) ? t('setup.keyHint') : t('setup.keyFixed')}</span>
              </span>
              <label>{t('setup.printedTitle')}</label>
              <span className="title-cell">
                <TextPair
                  value={title}
                  required={false}
                  placeholder={{ 'zh-CN': c.label['zh-CN'] || t('setup.zh'), en: c.label.en || t('setup.en') }}
                  onChange={(next) => set(i, { ...c, title: next['zh-CN'] || next.en ? next : undefined })}
                  testId={`setup-certificate-title-${i}`}
                />
                {titleHalf && <span className="field-problem">{t('setup.titleBothLanguages')}</span>}
              </span>
              <label>{t('setup.validityMonths')}</label>
              <span className="inline-hint">
                <NumberInput nullable min={1} step={1} className="num-input validity-input" value={c.validityMonths} placeholder={t('setup.noExpiryShort')} onChange={(v) => set(i, { ...c, validityMonths: v === null || v < 1 ? null : Math.round(v) })} aria-label={t('setup.validityMonths')} testId={`setup-certificate-validity-${i}`} />
                <span className="muted small">{t('setup.validityHint')}</span>
              </span>
              <label>{t('setup.serialPrefix')}</label>
              <span className="inline-hint">
                <input className="prefix-input" value={c.serialPrefix ?? ''} maxLength={16} pattern="[A-Za-z0-9\-]{1,16}" placeholder="SC2025-" onChange={(e) => set(i, { ...c, serialPrefix: e.target.value === '' ? undefined : e.target.value })} aria-label={t('setup.serialPrefix')} data-testid={`setup-certificate-prefix-${i}`} />
                {c.serialPrefix !== undefined && !PREFIX.test(c.serialPrefix) ? <span className="field-problem">{t('setup.prefixHint')}</span> : <span className="muted small">{t('setup.prefixHint')}</span>}
              </span>
              <label>{t('setup.awardedBy')}</label>
              <span className="inline-hint">
                <span className={usedBy.length ? '' : 'muted'}>{usedBy.length ? usedBy.map((l) => localized(l.name, lang) || l.key).join(lang === 'zh-CN' ? '、' : ' · ') : t('setup.awardedByNone')}</span>
                {isFresh(c) && (
                  <button type="button" className="subtle" disabled={usedBy.length > 0} title={usedBy.length > 0 ? t('setup.certificateInUse') : undefined} onClick={() => update((d) => rekeyCertificate({ ...d, certificates: removeAt(d.certificates, i) }, c.key, null))} data-testid={`setup-certificate-remove-${i}`}>
                    {t('setup.remove')}
                  </button>
                )}
              </span>
            </div>
            {/* Steps between selection and the certificate belong to committee memberships. */}
            {draft.kind === 'committee' && <MembershipStepsEditor certificate={c} saved={original.certificates.find((o) => o.key === c.key)?.steps ?? []} onChange={(next) => set(i, next)} index={i} />}
          </div>
        );
      })}
    </section>
  );
}
