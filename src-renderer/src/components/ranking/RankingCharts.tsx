// The charts people would rather look at than read: the score distribution of a category, each
// entry's spread of judges' totals (inline in the list), and every judge's totals as a box plot
// with the judges who score systematically high or low marked. Plain SVG, scaled to the rubric.
import { useTranslation } from 'react-i18next';
import type { CategorySummary, JudgeProfileView } from '../../../../src-main/contract';
import { score } from './rankingText';

type Scale = { min: number; max: number };

export function Histogram({ histogram, title }: { histogram: CategorySummary['histogram']; title: string }) {
  const peak = Math.max(1, ...histogram.counts);
  const w = 300;
  const h = 90;
  const bar = w / histogram.counts.length;
  return (
    <figure className="chart" data-testid="ranking-histogram">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${w} ${h + 14}`} role="img" aria-label={title}>
        {histogram.counts.map((n, i) => {
          const bh = (n / peak) * h;
          const from = histogram.min + ((histogram.max - histogram.min) * i) / histogram.counts.length;
          return n > 0 ? (
            <rect key={i} x={i * bar + 1} y={h - bh} width={bar - 2} height={bh} className="bar">
              <title>{`${from.toFixed(1)}–${(from + (histogram.max - histogram.min) / histogram.counts.length).toFixed(1)}: ${n}`}</title>
            </rect>
          ) : null;
        })}
        <line x1={0} x2={w} y1={h} y2={h} className="axis" />
        <text x={0} y={h + 12} className="tick">{histogram.min}</text>
        <text x={w} y={h + 12} className="tick" textAnchor="end">{histogram.max}</text>
      </svg>
    </figure>
  );
}

export function SpreadBar({ low, high, sd, value, scale }: { low: number | null; high: number | null; sd: number | null; value: number | null; scale: Scale }) {
  const { t } = useTranslation();
  const w = 110;
  const at = (v: number) => ((v - scale.min) / (scale.max - scale.min)) * w;
  const label = t('ranking.spreadTitle', { low: score(low), high: score(high), sd: score(sd) });
  return (
    <svg className="spread" viewBox={`0 0 ${w} 12`} width={w} height={12} role="img" aria-label={label}>
      <title>{label}</title>
      <line x1={0} x2={w} y1={6} y2={6} className="axis" />
      {low !== null && high !== null && <line x1={at(low)} x2={Math.max(at(high), at(low) + 1)} y1={6} y2={6} className="range" />}
      {value !== null && <circle cx={at(value)} cy={6} r={3} className="dot" />}
    </svg>
  );
}

export function JudgeBoxPlots({ judges, scale }: { judges: JudgeProfileView[]; scale: Scale }) {
  const { t } = useTranslation();
  const w = 320;
  const at = (v: number) => ((v - scale.min) / (scale.max - scale.min)) * w;
  return (
    <figure className="chart judges-chart" data-testid="judge-chart">
      <figcaption>{t('ranking.charts.judges')}</figcaption>
      <table className="data-table compact">
        <tbody>
          {judges.map((j) => (
            <tr key={j.judgeId} className={j.flag ? 'biased' : ''}>
              <td>{j.name}</td>
              <td className="muted small">{t('ranking.charts.scored', { count: j.scored })}</td>
              <td>
                <svg viewBox={`0 0 ${w} 14`} width={w} height={14} role="img" aria-label={`${j.name}: ${score(j.min)}–${score(j.max)}, ${score(j.median)}`}>
                  <line x1={0} x2={w} y1={7} y2={7} className="axis" />
                  {j.min !== null && j.max !== null && j.q1 !== null && j.q3 !== null && j.median !== null && (
                    <>
                      <line x1={at(j.min)} x2={at(j.max) + 0.5} y1={7} y2={7} className="whisker" />
                      <rect x={at(j.q1)} y={2} width={Math.max(1, at(j.q3) - at(j.q1))} height={10} className="box" />
                      <line x1={at(j.median)} x2={at(j.median)} y1={1} y2={13} className="median" />
                    </>
                  )}
                </svg>
              </td>
              <td className={j.flag ? 'bias-flag' : 'muted small'}>{j.flag ? t(`ranking.charts.bias.${j.flag}`, { bias: (j.bias ?? 0).toFixed(2) }) : score(j.bias)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
