// The ranking settings a coordinator decides before publishing: which methods are computed and
// which one publishes, when the trimmed mean drops extremes, whether late entries are held, the
// award tiers, the tie-break order and, for committee selections, the eligibility rule and the
// works score needed. Saved through ranking:configure, which refuses what it cannot apply.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignDetail, RankingConfig, RankingMethod, TieBreak } from '../../../../src-main/contract';
import { rankingMethods } from '../../../../src-main/contract/definition-terms';
import { allDimensions, findDimension } from '../../../../src-main/contract/lists';
import { invoke } from '../../api';
import { localized } from '../../format';
import { useAppStore } from '../../stores/useAppStore';
import { TierRulesEditor } from './TierRulesEditor';
import { withPrimary } from './rankingDraft';

const METHODS: readonly RankingMethod[] = rankingMethods;

export function RankingSettings({ campaign, config, appliedTieBreaks, onSaved }: { campaign: CampaignDetail; config: RankingConfig; appliedTieBreaks: TieBreak[]; onSaved(): void }) {
  const { t, i18n } = useTranslation();
  const run = useAppStore((s) => s.run);
  const [draft, setDraft] = useState<RankingConfig>(config);
  const [tieBreaks, setTieBreaks] = useState<TieBreak[]>(config.tieBreaks ?? appliedTieBreaks);
  const [notice, setNotice] = useState('');
  const def = campaign.definition;
  // Lists whose programme states a method or tiers of its own (Setup) take that part not from here.
  const own = def.lists.filter((l) => l.method !== null || l.tiers !== null);
  const allOwn = def.lists.every((l) => l.method !== null && l.tiers !== null);
  const set = (patch: Partial<RankingConfig>) => setDraft((d) => ({ ...d, ...patch }));
  const dimensionLabel = (key: string) => localized(findDimension(def, key)?.label ?? { 'zh-CN': key, en: key }, i18n.language);
  const tieLabel = (tb: TieBreak) =>
    tb.by === 'dimension' ? t('ranking.settings.tieBy.dimension', { dimension: dimensionLabel(tb.key) }) : tb.by === 'method' ? t('ranking.settings.tieBy.method', { method: t(`ranking.methods.${tb.method}`) }) : t('ranking.settings.tieBy.submittedAt');
  // A tie-break names a dimension by key, across lists: lists sharing a dimension offer it once.
  const dimensionKeys = [...new Set(allDimensions(def).map((d) => d.key))];
  const tieOptions: TieBreak[] = [...dimensionKeys.map((key): TieBreak => ({ by: 'dimension', key })), { by: 'submittedAt' } as TieBreak, ...draft.methods.map((m): TieBreak => ({ by: 'method', method: m }))].filter(
    (o) => !tieBreaks.some((x) => JSON.stringify(x) === JSON.stringify(o)),
  );

  async function save() {
    const saved = await run(() => invoke('ranking:configure', { campaignId: campaign.id, config: { ...draft, tieBreaks } }));
    if (saved) {
      setNotice(t('ranking.settings.saved'));
      onSaved();
    }
  }

  return (
    <section className="panel ranking-settings" data-testid="ranking-settings">
      <h2>{t('ranking.settings.title')}</h2>
      {own.length > 0 && (
        <p className="small muted" data-testid="ranking-settings-own">
          {allOwn ? t('ranking.settings.allListsOwn') : t('ranking.settings.listsOwnRules', { lists: own.map((l) => localized(l.name, i18n.language)).join(i18n.language === 'zh-CN' ? '、' : ', ') })}
        </p>
      )}
      <div className="settings-grid">
        <fieldset>
          <legend>{t('ranking.settings.methodsShown')}</legend>
          {METHODS.map((m) => (
            <label key={m} className="checkbox-line" title={t(`ranking.methodHelp.${m}`, { n: draft.trimMinJudges })}>
              <input
                type="checkbox"
                checked={draft.methods.includes(m)}
                disabled={m === draft.primary}
                onChange={(e) => set({ methods: e.target.checked ? METHODS.filter((x) => x === m || draft.methods.includes(x)) : draft.methods.filter((x) => x !== m) })}
              />
              {t(`ranking.methods.${m}`)}
            </label>
          ))}
        </fieldset>
        <div className="stack-form">
          <label>
            {t('ranking.primary')}
            <select value={draft.primary} data-testid="ranking-primary" onChange={(e) => set(withPrimary(draft, e.target.value as RankingMethod))}>
              {METHODS.map((m) => (
                <option key={m} value={m}>
                  {t(`ranking.methods.${m}`)}
                </option>
              ))}
            </select>
          </label>
          <p className="small muted">{t(`ranking.methodHelp.${draft.primary}`, { n: draft.trimMinJudges })}</p>
          <label>
            {t('ranking.settings.trimMinJudges')}
            <input type="number" min={3} max={15} value={draft.trimMinJudges} onChange={(e) => set({ trimMinJudges: Number(e.target.value) })} />
          </label>
          <label className="checkbox-line">
            <input type="checkbox" checked={draft.holdLate} onChange={(e) => set({ holdLate: e.target.checked })} />
            {t('ranking.settings.holdLate')}
          </label>
          <p className="small muted">{t('ranking.settings.holdLateHint')}</p>
        </div>
      </div>

      <h3>{t('ranking.settings.tiers')}</h3>
      <TierRulesEditor tiers={draft.tiers} onChange={(tiers) => set({ tiers })} />

      <h3>{t('ranking.settings.tieBreaks')}</h3>
      <ol className="tie-list">
        {tieBreaks.map((tb, i) => (
          <li key={JSON.stringify(tb)}>
            {tieLabel(tb)}{' '}
            <button type="button" className="small" disabled={i === 0} aria-label={t('ranking.settings.up')} onClick={() => setTieBreaks((l) => l.map((x, k) => (k === i - 1 ? l[i] : k === i ? l[i - 1] : x)))}>
              ↑
            </button>{' '}
            <button type="button" className="small" onClick={() => setTieBreaks((l) => l.filter((_, k) => k !== i))}>
              {t('ranking.settings.remove')}
            </button>
          </li>
        ))}
      </ol>
      {tieOptions.length > 0 && (
        <select value="" aria-label={t('ranking.settings.addTieBreak')} onChange={(e) => e.target.value && setTieBreaks((l) => [...l, JSON.parse(e.target.value) as TieBreak])}>
          <option value="">{t('ranking.settings.addTieBreak')}</option>
          {tieOptions.map((o) => (
            <option key={JSON.stringify(o)} value={JSON.stringify(o)}>
              {tieLabel(o)}
            </option>
          ))}
        </select>
      )}

      {def.kind === 'committee' && (
        <div className="stack-form committee-settings">
          <label>
            {t('ranking.settings.committeeRule')}
            <select value={draft.committee.rule} onChange={(e) => set({ committee: { ...draft.committee, rule: e.target.value as RankingConfig['committee']['rule'] } })}>
              {(['majority', 'unanimous', 'any'] as const).map((r) => (
                <option key={r} value={r}>
                  {t(`ranking.committee.rules.${r}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('ranking.settings.committeeMinScore')}
            <input
              type="number"
              step={0.1}
              value={draft.committee.minScore ?? ''}
              onChange={(e) => set({ committee: { ...draft.committee, minScore: e.target.value === '' ? null : Number(e.target.value) } })}
            />
          </label>
          <label>
            {t('ranking.settings.committeeMethod')}
            <select value={draft.committee.method} data-testid="ranking-committee-method" onChange={(e) => set({ committee: { ...draft.committee, method: e.target.value as RankingMethod } })}>
              {draft.methods.map((m) => (
                <option key={m} value={m}>
                  {t(`ranking.methods.${m}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      <div className="actions">
        <button type="button" className="primary" onClick={() => void save()} data-testid="ranking-save">
          {t('ranking.settings.save')}
        </button>
        {notice && <span className="muted">{notice}</span>}
      </div>
    </section>
  );
}
