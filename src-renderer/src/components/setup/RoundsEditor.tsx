// A list's rounds (issue 14) in Setup › Lists & rubrics. Without rounds a list is scored once, as
// always. This session builds the formal check (形式审查): it is added before the scoring round,
// renamed, moved and removed here. A scoring round after the first offers its carry-over weight
// (how much of the previous round's score counts in this round's ranking). Its own panel, rubric,
// due date and shortlist come from the programme file; the first scoring round says where its
// judges and rubric come from instead.
import { useTranslation } from 'react-i18next';
import type { ListDef, LocalizedText } from '../../../../src-main/contract';
import { formalRoundOf, roundsOf } from '../../../../src-main/contract/lists';
import { localized } from '../../format';
import { useConfirmStore } from '../../stores/useConfirmStore';
import { addFormalRound, moveRound, removeRound, renameRound, setCarryOver } from './round-ops';
import { NumberInput, TextPair } from './SetupControls';

export function RoundsEditor({ list, savedList, onChange }: { list: ListDef; savedList: ListDef | undefined; onChange(next: ListDef): void }) {
  const { t, i18n } = useTranslation();
  const ask = useConfirmStore((s) => s.ask);
  const lang = i18n.language;
  const rounds = roundsOf(list);
  // Default names in both languages, whichever one the coordinator is using.
  const both = (key: string): LocalizedText => ({ 'zh-CN': i18n.getFixedT('zh-CN')(key), en: i18n.getFixedT('en')(key) });
  const firstScoring = rounds.findIndex((r) => r.kind === 'scoring');

  const addFormal = () => onChange(addFormalRound(list, both('setup.rounds.kinds.formal'), both('setup.rounds.defaultScoring')));
  const remove = async (i: number) => {
    const round = rounds[i];
    // Verdicts may have been recorded against a saved formal round: say what becomes of them.
    if (savedList && roundsOf(savedList).some((r) => r.key === round.key)) {
      const sure = await ask({ title: t('setup.rounds.removeTitle', { round: localized(round.name, lang) }), body: t('setup.rounds.removeBody'), confirmLabel: t('setup.remove'), cancelLabel: t('common.cancelAction'), danger: true });
      if (!sure) return;
    }
    onChange(removeRound(list, i));
  };

  return (
    <section className="panel" aria-labelledby="setup-rounds-title" data-testid="setup-rounds">
      <div className="section-head">
        <h2 id="setup-rounds-title">{t('setup.rounds.title')}</h2>
        {!formalRoundOf(list) && (
          <button type="button" onClick={addFormal} data-testid="setup-add-formal-round">
            + {t('setup.rounds.addFormal')}
          </button>
        )}
      </div>
      <p className="muted small">{t('setup.rounds.hint')}</p>
      {rounds.length === 0 ? (
        <p data-testid="setup-rounds-single">{t('setup.rounds.single')}</p>
      ) : (
        <table className="data-table compact setup-table">
          <thead>
            <tr>
              <th className="num">{t('setup.rounds.order')}</th>
              <th>{t('setup.rounds.kind')}</th>
              <th>{t('setup.rounds.name')}</th>
              <th className="col-actions" />
            </tr>
          </thead>
          <tbody>
            {rounds.map((r, i) => (
              <tr key={`${r.key}-${i}`} data-testid={`setup-round-${i}`}>
                <td className="num">{i + 1}</td>
                <td>
                  {t(`setup.rounds.kinds.${r.kind}`)}
                  <div className="muted small">{r.kind === 'formal' ? t('setup.rounds.formalNote') : i === firstScoring ? t('setup.rounds.scoringNote') : null}</div>
                </td>
                <td>
                  <TextPair value={r.name} onChange={(name) => onChange(renameRound(list, i, name))} testId={`setup-round-name-${i}`} />
                  {r.kind === 'scoring' && firstScoring >= 0 && i > firstScoring && (
                    <label className="small">
                      {t('setup.rounds.carryOver')}{' '}
                      <NumberInput value={r.carryOver} min={0} max={0.99} step={0.05} onChange={(w) => onChange(setCarryOver(list, i, w ?? 0))} testId={`setup-round-carry-${i}`} />
                      <span className="muted"> {t('setup.rounds.carryOverHint')}</span>
                    </label>
                  )}
                </td>
                <td className="actions">
                  <button type="button" className="subtle" disabled={i === 0} aria-label={t('setup.rounds.up')} title={t('setup.rounds.up')} onClick={() => onChange(moveRound(list, i, -1))} data-testid={`setup-round-up-${i}`}>
                    ↑
                  </button>
                  <button type="button" className="subtle" disabled={i === rounds.length - 1} aria-label={t('setup.rounds.down')} title={t('setup.rounds.down')} onClick={() => onChange(moveRound(list, i, 1))} data-testid={`setup-round-down-${i}`}>
                    ↓
                  </button>
                  {(r.kind === 'formal' || rounds.filter((x) => x.kind === 'scoring').length > 1) && (
                    <button type="button" className="subtle" onClick={() => void remove(i)} data-testid={`setup-round-remove-${i}`}>
                      {t('setup.remove')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
