// A list's blend of reach into its score (issue 16, ListDef.blend): which figure, its weight and
// how it becomes a part of the score. Off by default; absent rather than empty when off, so
// definitions saved without it keep their bytes (and their locked results verify).
import { useTranslation } from 'react-i18next';
import type { ListDef } from '../../../../src-main/contract';
import { reachBlendMethods, reachMetrics } from '../../../../src-main/contract/definition-terms';
import { NumberInput } from './SetupControls';

type Blend = NonNullable<ListDef['blend']>;

export function BlendEditor({ list, onChange }: { list: ListDef; onChange(list: ListDef): void }) {
  const { t } = useTranslation();
  const blend = list.blend;
  const set = (next: Blend | undefined) => {
    const { blend: _old, ...rest } = list;
    onChange(next ? { ...rest, blend: next } : rest);
  };
  return (
    <span className="inline-hint blend-editor">
      <select
        className="select-limited"
        aria-label={t('setup.blend.metric')}
        value={blend?.metric ?? ''}
        onChange={(e) => {
          const metric = reachMetrics.find((m) => m === e.target.value);
          set(metric ? { metric, weight: blend?.weight ?? 0.2, method: blend?.method ?? 'percentile' } : undefined);
        }}
        data-testid="setup-list-blend-metric"
      >
        <option value="">{t('setup.blend.none')}</option>
        {reachMetrics.map((m) => (
          <option key={m} value={m}>
            {t(`reach.metric.${m}`)}
          </option>
        ))}
      </select>
      {blend && (
        <>
          <label className="small">
            {t('setup.blend.weight')}{' '}
            <NumberInput min={1} max={99} step={1} value={Math.round(blend.weight * 100)} aria-label={t('setup.blend.weight')} onChange={(v) => set({ ...blend, weight: Math.min(99, Math.max(1, v ?? 20)) / 100 })} testId="setup-list-blend-weight" /> %
          </label>
          <select className="select-limited" aria-label={t('setup.blend.method')} value={blend.method} onChange={(e) => set({ ...blend, method: reachBlendMethods.find((m) => m === e.target.value) ?? 'percentile' })} data-testid="setup-list-blend-method">
            {reachBlendMethods.map((m) => (
              <option key={m} value={m}>
                {t(`setup.blend.methods.${m}`)}
              </option>
            ))}
          </select>
        </>
      )}
    </span>
  );
}
