// One scoring round's own settings (Setup › Lists & rubrics › Rounds › Details): who judges it (every
// judge of the campaign, or a panel chosen by name), how many judges each entry gets, when the
// scores are due (wall-clock time in the campaign's zone), who goes on to the next round, the
// carry-over from the previous one, and a rubric of its own (a copy of the list's to start from).
// Left alone, every setting is the list's or the campaign's, as a list scored once always was.
import { useTranslation } from 'react-i18next';
import type { CampaignDefinition, ListDef, ScoringRoundDef, ShortlistRule } from '../../../../src-main/contract';
import { localized, utcOffsetLabel } from '../../format';
import { useChannel } from '../../queries';
import { hasLaterScoringRound, isLaterScoringRound, ownRubric, setCarryOver, setScoringRound, shortlistRule } from './round-ops';
import { RubricEditor } from './RubricEditor';
import { Check, NumberInput } from './SetupControls';
import { fromWallTime, toWallTime } from './zoned-time';

export function ScoringRoundDetails({ campaignId, draft, original, list, round, index, onChange }: {
  campaignId: string;
  draft: CampaignDefinition;
  original: CampaignDefinition;
  list: ListDef;
  round: ScoringRoundDef;
  /** The round's place in the list's rounds. */
  index: number;
  onChange(next: ListDef): void;
}) {
  const { t, i18n } = useTranslation();
  const judges = useChannel('judge:list', { campaignId }).data?.judges ?? [];
  const set = <K extends 'panel' | 'judgesPerEntry' | 'rubric' | 'dueAt' | 'shortlist'>(field: K, value: ScoringRoundDef[K]) => onChange(setScoringRound(list, index, field, value));
  const id = (name: string) => `setup-round-${index}-${name}`;
  const tz = draft.timeZone;
  const scaleMax = Math.max(...list.rubric.map((d) => d.scale.max));
  const panel = round.panel ?? [];
  // A panel may name judges removed since: they stay listed (unticking drops them) so nothing is lost unseen.
  const unknown = panel.filter((j) => !judges.some((x) => x.id === j));
  const togglePanel = (judgeId: string, on: boolean) => {
    // Left empty, the save is refused naming this round: a panel of nobody is never stored.
    set('panel', on ? [...panel, judgeId] : panel.filter((j) => j !== judgeId));
  };

  return (
    <div className="setup-grid round-details" data-testid={id('details')}>
      <label htmlFor={id('judges')}>{t('setup.rounds.judgesPerEntry')}</label>
      <span className="inline-hint">
        <NumberInput id={id('judges')} nullable min={1} max={15} value={round.judgesPerEntry} placeholder={String(draft.judgesPerEntry)} onChange={(n) => set('judgesPerEntry', n)} testId={id('judges')} />
        <span className="muted small">{t('setup.rounds.judgesPerEntryHint', { k: draft.judgesPerEntry })}</span>
      </span>

      <label>{t('setup.rounds.panel')}</label>
      <div>
        <Check checked={round.panel === null} onChange={(all) => set('panel', all ? null : [])} testId={id('panel-all')}>
          {t('setup.rounds.panelAll')}
        </Check>
        {round.panel !== null && (
          <>
            {judges.length === 0 && unknown.length === 0 && <p className="muted small">{t('setup.rounds.panelNoJudges')}</p>}
            <div className="chip-checks indent" data-testid={id('panel')}>
              {judges.map((j) => (
                <Check key={j.id} checked={panel.includes(j.id)} onChange={(on) => togglePanel(j.id, on)} testId={id(`panel-judge-${j.id}`)}>
                  {j.name}
                  {j.institution ? <span className="muted small"> · {j.institution}</span> : null}
                </Check>
              ))}
              {unknown.map((j) => (
                <Check key={j} checked onChange={() => togglePanel(j, false)}>
                  <span className="muted">{t('setup.rounds.panelRemovedJudge')}</span>
                </Check>
              ))}
            </div>
            {panel.length === 0 ? (
              <p className="field-problem indent" data-testid={id('panel-count')}>
                {t('setup.rounds.panelEmpty')}
              </p>
            ) : (
              <p className="muted small indent" data-testid={id('panel-count')}>
                {t('setup.rounds.panelCount', { count: panel.length })}
              </p>
            )}
          </>
        )}
      </div>

      <label htmlFor={id('due')}>{t('setup.rounds.dueAt')}</label>
      <span className="inline-hint">
        <input id={id('due')} type="datetime-local" value={toWallTime(round.dueAt, tz)} onChange={(e) => set('dueAt', fromWallTime(e.target.value, tz))} data-testid={id('due')} />
        <span className="muted small">{t('setup.rounds.dueAtHint', { offset: utcOffsetLabel(round.dueAt ?? draft.deadline, tz) })}</span>
      </span>

      {hasLaterScoringRound(list, index) && (
        <>
          <label htmlFor={id('shortlist-by')}>{t('setup.rounds.shortlist')}</label>
          <span className="inline-hint">
            <select id={id('shortlist-by')} className="select-limited" value={round.shortlist?.by ?? ''} onChange={(e) => set('shortlist', shortlistRule(e.target.value as ShortlistRule['by'] | '', round.shortlist, scaleMax))} data-testid={id('shortlist-by')}>
              <option value="">{t('setup.rounds.shortlistByHand')}</option>
              <option value="top">{t('setup.rounds.shortlistTop')}</option>
              <option value="percent">{t('setup.rounds.shortlistPercent')}</option>
              <option value="threshold">{t('setup.rounds.shortlistThreshold')}</option>
            </select>
            {round.shortlist && (
              <NumberInput
                value={round.shortlist.value}
                min={0}
                step="any"
                aria-label={t(`setup.rounds.shortlistValue.${round.shortlist.by}`)}
                onChange={(v) => set('shortlist', { ...round.shortlist!, value: v ?? round.shortlist!.value })}
                testId={id('shortlist-value')}
              />
            )}
            <span className="muted small">{round.shortlist ? t(`setup.rounds.shortlistValue.${round.shortlist.by}`) : t('setup.rounds.shortlistHint')}</span>
          </span>
        </>
      )}

      {isLaterScoringRound(list, index) && (
        <>
          <label htmlFor={id('carry')}>{t('setup.rounds.carryOver')}</label>
          <span className="inline-hint">
            <NumberInput id={id('carry')} value={round.carryOver} min={0} max={0.99} step={0.05} onChange={(w) => onChange(setCarryOver(list, index, w ?? 0))} testId={`setup-round-carry-${index}`} />
            <span className="muted small">{t('setup.rounds.carryOverHint')}</span>
          </span>
        </>
      )}

      <label>{t('setup.rounds.rubric')}</label>
      <div>
        <Check checked={round.rubric !== null} onChange={(own) => set('rubric', own ? ownRubric(list) : null)} testId={id('own-rubric')}>
          {t('setup.rounds.ownRubric')}
        </Check>
        {round.rubric === null && <p className="muted small indent">{t('setup.rounds.listRubric')}</p>}
      </div>
      {round.rubric !== null && (
        <div className="round-rubric">
          <RubricEditor draft={draft} original={original} rubric={round.rubric} onRubric={(rubric) => set('rubric', rubric)} idPrefix={id('rubric')} title={t('setup.rounds.rubricOf', { round: localized(round.name, i18n.language) })} hint={t('setup.rounds.ownRubricHint')} />
        </div>
      )}
    </div>
  );
}
