// A membership certificate's steps after selection (issue 17; committee campaigns): the CACA
// programme's accounts opened and verified (加V) on the partner platforms, one work published,
// passed by the platform's review, confirmed by the committee. The coordinator adds, removes,
// reorders and renames them and marks which hold the certificate back. A step's key names the
// members' records of it, so a saved step keeps its key; removing a saved step keeps its records
// (the certificates tab shows them as "no longer in the programme") and the certificate no longer
// waits for it. A step needs a name in at least one language: the steps are a working checklist,
// never printed, so a Chinese name alone is enough to save.
import { useTranslation } from 'react-i18next';
import type { CertificateKindDef, MembershipStepDef, StepText } from '../../../../src-main/contract';
import { followKey, fresh, isFresh, move, proposeKey, removeAt, replaceAt } from './draft-keys';
import { emptyText } from './draft-ops';
import { KeyCell, OrderButtons } from './SetupControls';

/** Both languages' inputs of a step's name or platform; either may stay empty. */
function StepTextPair({ value, onChange, testId, missing = false }: { value: StepText; onChange(v: StepText): void; testId: string; missing?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="text-pair">
      <input lang="zh-CN" aria-label={t('setup.zh')} aria-invalid={missing || undefined} placeholder={t('setup.zh')} value={value['zh-CN']} onChange={(e) => onChange({ ...value, 'zh-CN': e.target.value })} data-testid={`${testId}-zh`} />
      <input lang="en" aria-label={t('setup.en')} aria-invalid={missing || undefined} placeholder={t('setup.en')} value={value.en} onChange={(e) => onChange({ ...value, en: e.target.value })} data-testid={`${testId}-en`} />
    </span>
  );
}

/** contract/domain.ts stepEvidenceKinds (the renderer takes no values from the zod modules). */
const EVIDENCE: readonly MembershipStepDef['evidence'][] = ['account', 'publication', 'confirmation'];

const named = (text: StepText) => text['zh-CN'].trim() !== '' || text.en.trim() !== '';

export function MembershipStepsEditor({ certificate, saved, onChange, index }: { certificate: CertificateKindDef; saved: readonly MembershipStepDef[]; onChange(next: CertificateKindDef): void; index: number }) {
  const { t, i18n } = useTranslation();
  const steps = certificate.steps ?? [];
  // No steps left: the key goes too, so a certificate without steps keeps the bytes it had.
  const setSteps = (next: MembershipStepDef[]) => onChange(next.length === 0 && certificate.steps === undefined ? certificate : { ...certificate, steps: next });
  const taken = (step: MembershipStepDef | null) => [...steps.filter((s) => s !== step).map((s) => s.key), ...saved.map((s) => s.key)];
  const set = (i: number, next: MembershipStepDef) => setSteps(replaceAt(steps, i, next));
  const setLabel = (i: number, label: StepText) => {
    const s = steps[i];
    set(i, { ...s, label, key: isFresh(s) ? followKey(s.key, s.label.en, label.en, taken(s), 'step') : s.key });
  };
  const name = (s: MembershipStepDef) => (i18n.language === 'zh-CN' ? s.label['zh-CN'] || s.label.en : s.label.en || s.label['zh-CN']) || s.key;
  const add = () => setSteps([...steps, fresh<MembershipStepDef>({ key: proposeKey('', taken(null), 'step'), label: emptyText(), evidence: 'confirmation', platform: null, required: true })]);
  const removed = saved.filter((r) => !steps.some((s) => s.key === r.key));

  return (
    <div className="membership-steps" data-testid={`setup-steps-${index}`}>
      <h3>{t('setup.steps.title')}</h3>
      <p className="muted small">{t('setup.steps.hint')}</p>
      {steps.length > 0 && (
        <table className="data-table compact setup-table">
          <thead>
            <tr>
              <th className="col-order" />
              <th className="col-key">{t('setup.key')}</th>
              <th className="col-step-name">{t('setup.steps.name')}</th>
              <th className="col-step-evidence">{t('setup.steps.evidence')}</th>
              <th className="col-step-platform">{t('setup.steps.platform')}</th>
              <th>{t('setup.steps.required')}</th>
              <th className="col-actions-narrow" />
            </tr>
          </thead>
          <tbody>
            {steps.map((s, i) => (
              <tr key={i} data-testid={`setup-step-${index}-${i}`}>
                <td>
                  <OrderButtons index={i} count={steps.length} onMove={(delta) => setSteps(move(steps, i, delta))} label={name(s)} />
                </td>
                <td>
                  <KeyCell value={s.key} editable={isFresh(s)} onChange={(key) => set(i, { ...s, key })} testId={`setup-step-key-${index}-${i}`} />
                </td>
                <td>
                  <StepTextPair value={s.label} onChange={(label) => setLabel(i, label)} missing={!named(s.label)} testId={`setup-step-name-${index}-${i}`} />
                  {!named(s.label) && <span className="field-problem">{t('setup.steps.nameMissing')}</span>}
                </td>
                <td>
                  <select value={s.evidence} onChange={(e) => set(i, { ...s, evidence: e.target.value as MembershipStepDef['evidence'], platform: e.target.value === 'account' ? s.platform : null })} aria-label={t('setup.steps.evidence')} data-testid={`setup-step-evidence-${index}-${i}`}>
                    {EVIDENCE.map((k) => (
                      <option key={k} value={k}>
                        {t(`setup.steps.evidenceKinds.${k}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  {s.evidence === 'account' ? (
                    <StepTextPair value={s.platform ?? emptyText()} onChange={(p) => set(i, { ...s, platform: named(p) ? p : null })} testId={`setup-step-platform-${index}-${i}`} />
                  ) : (
                    <span className="muted small">—</span>
                  )}
                </td>
                <td>
                  <input type="checkbox" checked={s.required} onChange={(e) => set(i, { ...s, required: e.target.checked })} aria-label={t('setup.steps.required')} title={t('setup.steps.required')} data-testid={`setup-step-required-${index}-${i}`} />
                </td>
                <td>
                  <button type="button" className="subtle" onClick={() => setSteps(removeAt(steps, i))} data-testid={`setup-step-remove-${index}-${i}`}>
                    {t('setup.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {removed.length > 0 && (
        <p className="muted small" data-testid={`setup-steps-removed-${index}`}>
          {t('setup.steps.removedNote', { steps: removed.map(name).join(t('membership.separator')) })}
        </p>
      )}
      <button type="button" className="subtle add" onClick={add} data-testid={`setup-add-step-${index}`}>
        + {t('setup.steps.add')}
      </button>
    </div>
  );
}
