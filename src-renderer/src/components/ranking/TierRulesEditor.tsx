// Award tiers as a coordinator edits them: name in both languages, how the tier is filled (the next
// N entries, the next N %, or every following entry scoring at least S) and its key (for files),
// each field labelled; a new tier comes named (一等奖 / First prize, …), never as a bare key. Used by the
// ranking settings (the campaign's tiers) and by Setup (a list's own tiers).
import { useTranslation } from 'react-i18next';
import type { TierRule } from '../../../../src-main/contract';

export function TierRulesEditor({ tiers, onChange, testId = 'tier' }: { tiers: readonly TierRule[]; onChange(next: TierRule[]): void; testId?: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const other = lang === 'en' ? 'zh-CN' : 'en';
  // A new tier is named as these competitions name them (一等奖, 二等奖, …) in both languages at once.
  const defaultName = (index: number) => {
    const key = `ranking.settings.defaultTierNames.t${index + 1}`;
    const pick = (l: 'zh-CN' | 'en') => (i18n.exists(key, { lng: l }) ? i18n.getFixedT(l)(key) : i18n.getFixedT(l)('ranking.settings.defaultTierName', { n: index + 1 }));
    return { 'zh-CN': pick('zh-CN'), en: pick('en') };
  };
  const setTier = (i: number, tier: TierRule) => onChange(tiers.map((x, k) => (k === i ? tier : x)));
  // A name typed in one language fills the other until that one is typed too.
  const label = (tier: TierRule) => tier.label ?? { 'zh-CN': '', en: '' };
  return (
    <>
      {tiers.length === 0 && <p className="small muted">{t('ranking.settings.noTiers')}</p>}
      {tiers.map((tier, i) => (
        <fieldset key={i} className="tier-row-form" data-testid={`${testId}-row`}>
          {/* The tier by its name (its key only while it has none), so a coordinator never reads "tier_1". */}
          <legend>{t('ranking.settings.tierHeading', { n: i + 1, name: label(tier)[lang] || label(tier)[other] || tier.key })}</legend>
          <label>
            <span>{t('ranking.settings.tierLabelZh')}</span>
            <input aria-label={t('ranking.settings.tierLabelZh')} value={label(tier)['zh-CN']} onChange={(e) => setTier(i, { ...tier, label: { 'zh-CN': e.target.value, en: tier.label?.en ?? e.target.value } })} data-testid={`${testId}-${i}-zh`} />
          </label>
          <label>
            <span>{t('ranking.settings.tierLabelEn')}</span>
            <input aria-label={t('ranking.settings.tierLabelEn')} value={label(tier).en} onChange={(e) => setTier(i, { ...tier, label: { 'zh-CN': tier.label?.['zh-CN'] ?? e.target.value, en: e.target.value } })} data-testid={`${testId}-${i}-en`} />
          </label>
          <label>
            <span>{t('ranking.settings.tierRule')}</span>
            <select
              aria-label={t('ranking.settings.tierRule')}
              value={tier.by}
              onChange={(e) => {
                const by = e.target.value as TierRule['by'];
                setTier(i, by === 'rank' ? { key: tier.key, label: tier.label, by, count: 10 } : by === 'percentile' ? { key: tier.key, label: tier.label, by, percent: 10 } : { key: tier.key, label: tier.label, by, minScore: 8 });
              }}
              data-testid={`${testId}-${i}-by`}
            >
              {(['rank', 'percentile', 'threshold'] as const).map((b) => (
                <option key={b} value={b}>
                  {t(`ranking.settings.tierBy.${b}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('ranking.settings.tierValue')}</span>
            <input
              type="number"
              aria-label={t('ranking.settings.tierValue')}
              value={tier.by === 'rank' ? tier.count : tier.by === 'percentile' ? tier.percent : tier.minScore}
              step={tier.by === 'threshold' ? 0.1 : 1}
              onChange={(e) => {
                const v = Number(e.target.value);
                setTier(i, tier.by === 'rank' ? { ...tier, count: v } : tier.by === 'percentile' ? { ...tier, percent: v } : { ...tier, minScore: v });
              }}
              data-testid={`${testId}-${i}-value`}
            />
          </label>
          <label>
            <span>{t('ranking.settings.tierKey')}</span>
            <input aria-label={t('ranking.settings.tierKey')} title={t('ranking.settings.tierKeyHint')} value={tier.key} pattern="[a-z][a-z0-9_]*" onChange={(e) => setTier(i, { ...tier, key: e.target.value })} className="mono" />
          </label>
          <button type="button" onClick={() => onChange(tiers.filter((_, k) => k !== i))} data-testid={`${testId}-${i}-remove`}>
            {t('ranking.settings.remove')}
          </button>
        </fieldset>
      ))}
      <button type="button" data-testid={`add-${testId}`} onClick={() => onChange([...tiers, { key: nextKey(tiers), label: defaultName(tiers.length), by: 'rank', count: 10 }])}>
        {t('ranking.settings.addTier')}
      </button>
    </>
  );
}

/** tier_1, tier_2, … the first not yet used (removing a middle tier must not make a duplicate). */
function nextKey(tiers: readonly TierRule[]): string {
  for (let n = tiers.length + 1; ; n++) if (!tiers.some((x) => x.key === `tier_${n}`)) return `tier_${n}`;
}
