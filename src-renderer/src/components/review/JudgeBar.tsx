// Whose reviews these are. On a coordinator's machine several judge profiles exist; the active
// one is remembered per campaign. A judge profile can also be added here for single-machine review.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Judge } from '../../../../src-main/contract';

export function JudgeBar({
  canAdd,
  judges,
  activeJudgeId,
  onPick,
  onCreate,
}: {
  /** False on a judge's machine: the package decides who reviews. */
  canAdd: boolean;
  judges: Judge[];
  activeJudgeId: string | null;
  onPick(judgeId: string): void;
  onCreate(name: string, institution: string, assignAll: boolean): void;
}) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(judges.length === 0);
  const [name, setName] = useState('');
  const [institution, setInstitution] = useState('');
  const [assignAll, setAssignAll] = useState(true);
  return (
    <div className="judge-bar">
      {judges.length > 0 && (
        <label>
          {t('review.activeJudge')}{' '}
          <select value={activeJudgeId ?? ''} onChange={(e) => onPick(e.target.value)} data-testid="judge-picker">
            {judges.map((j) => (
              <option key={j.id} value={j.id}>
                {j.name}
                {j.institution ? ` · ${j.institution}` : ''} ({t('review.assignedCount', { count: j.assigned })})
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
            onCreate(name.trim(), institution.trim(), assignAll);
            setName('');
            setInstitution('');
            setAdding(false);
          }}
        >
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder={t('review.judgeName')} aria-label={t('review.judgeName')} data-testid="judge-name" />
          <input value={institution} onChange={(e) => setInstitution(e.target.value)} placeholder={t('review.judgeInstitution')} aria-label={t('review.judgeInstitution')} />
          <label className="checkbox">
            <input type="checkbox" checked={assignAll} onChange={(e) => setAssignAll(e.target.checked)} />
            {t('review.assignAll')}
          </label>
          <button type="submit" className="primary" disabled={!name.trim()} data-testid="judge-create">
            {t('review.addJudge')}
          </button>
        </form>
      ) : (
        <button type="button" className="subtle" onClick={() => setAdding(true)}>
          + {t('review.addJudge')}
        </button>
      )}
    </div>
  );
}
