// Whose reviews these are. On a coordinator's machine several judge profiles exist; the active
// one is remembered per campaign. A judge profile can also be added here for single-machine review.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Judge } from '../../../../src-main/contract';

export function JudgeBar({
  canAdd,
  specialityOptions,
  judges,
  activeJudgeId,
  onPick,
  onCreate,
}: {
  /** What a judge can be expert in: the campaign's categories and entry kinds. */
  specialityOptions: { key: string; label: string }[];
  /** False on a judge's machine: the package decides who reviews. */
  canAdd: boolean;
  judges: Judge[];
  activeJudgeId: string | null;
  onPick(judgeId: string): void;
  onCreate(name: string, institution: string, specialities: string[], assignAll: boolean): void;
}) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(judges.length === 0);
  const [name, setName] = useState('');
  const [institution, setInstitution] = useState('');
  const [assignAll, setAssignAll] = useState(true);
  const [specialities, setSpecialities] = useState<string[]>([]);
  return (
    <div className="judge-bar">
      {judges.length > 0 && (
        <label>
          {t('review.activeJudge')}{' '}
          <select value={activeJudgeId ?? ''} onChange={(e) => onPick(e.target.value)} data-testid="judge-picker">
            {judges.map((j) => (
              <option key={j.id} value={j.id}>
                {t('common.parenthetical', { text: `${j.name}${j.institution ? ` · ${j.institution}` : ''}`, note: t('review.assignedCount', { count: j.assigned }) })}
                {j.signedBundle ? ` · ${t('review.signed.judgeMark', { revision: j.signedBundle.revision })}` : ''}
              </option>
            ))}
          </select>
        </label>
      )}
      {!canAdd ? null : adding ? (
        <form
          className="judge-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!name.trim()) return;
            onCreate(name.trim(), institution.trim(), specialities, assignAll);
            setName('');
            setInstitution('');
            setSpecialities([]);
            setAdding(false);
          }}
        >
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder={t('review.judgeName')} aria-label={t('review.judgeName')} data-testid="judge-name" />
          <input value={institution} onChange={(e) => setInstitution(e.target.value)} placeholder={t('review.judgeInstitution')} aria-label={t('review.judgeInstitution')} />
          <fieldset className="specialities">
            <legend className="muted small">{t('review.specialities')}</legend>
            {specialityOptions.map((o) => (
              <label key={o.key} className="checkbox small">
                <input
                  type="checkbox"
                  checked={specialities.includes(o.key)}
                  onChange={(e) => setSpecialities((s) => (e.target.checked ? [...s, o.key] : s.filter((k) => k !== o.key)))}
                />
                {o.label}
              </label>
            ))}
          </fieldset>
          <label className="checkbox">
            <input type="checkbox" checked={assignAll} onChange={(e) => setAssignAll(e.target.checked)} />
            {t('review.assignAll')}
          </label>
          <button type="submit" className="primary" disabled={!name.trim()} data-testid="judge-create">
            {t('review.addJudge')}
          </button>
        </form>
      ) : (
        <button type="button" className="subtle" onClick={() => setAdding(true)} data-testid="add-judge">
          + {t('review.addJudge')}
        </button>
      )}
    </div>
  );
}
