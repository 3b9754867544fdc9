// How entries reach judges: how many judges score each entry, whether judges see who entered it,
// and the rules the assignment follows (never a judge's own institution; prefer judges whose
// speciality names the entry's category).
import { useTranslation } from 'react-i18next';
import type { SectionProps } from './draft-ops';
import { Check, NumberInput } from './SetupControls';

export function AssignmentSection({ draft, update }: SectionProps) {
  const { t } = useTranslation();
  const setAssignment = (patch: Partial<typeof draft.assignment>) => update((d) => ({ ...d, assignment: { ...d.assignment, ...patch } }));
  return (
    <section className="panel" aria-labelledby="setup-judging-title">
      <h2 id="setup-judging-title">{t('setup.judging')}</h2>
      <div className="setup-grid">
        <label htmlFor="setup-judges">{t('overview.judgesPerEntry')}</label>
        <span className="inline-hint">
          <NumberInput id="setup-judges" min={1} max={15} step={1} value={draft.judgesPerEntry} onChange={(v) => update((d) => ({ ...d, judgesPerEntry: Math.round(v ?? d.judgesPerEntry) }))} testId="setup-judges" />
          <span className="muted small">{t('setup.judgesPerEntryHint')}</span>
        </span>
        <span />
        <div>
          <Check checked={draft.blindReview} onChange={(blindReview) => update((d) => ({ ...d, blindReview }))} testId="setup-blind">
            {t('setup.blindReview')}
          </Check>
          <p className="muted small indent">{t('setup.blindReviewHint')}</p>
        </div>
        <span />
        <div>
          <Check checked={draft.assignment.excludeOwnInstitution} onChange={(excludeOwnInstitution) => setAssignment({ excludeOwnInstitution })} testId="setup-exclude-own">
            {t('setup.excludeOwnInstitution')}
          </Check>
          <p className="muted small indent">{t('setup.excludeOwnInstitutionHint')}</p>
        </div>
        <span />
        <div>
          <Check checked={draft.assignment.matchSpeciality} onChange={(matchSpeciality) => setAssignment({ matchSpeciality })} testId="setup-match-speciality">
            {t('setup.matchSpeciality')}
          </Check>
          <p className="muted small indent">{t('setup.matchSpecialityHint', { tab: t('campaign.tabs.exchange') })}</p>
        </div>
      </div>
    </section>
  );
}
