// Reach figures and public votes as the coordinator imported them (issue 16): metric, value in
// the reader's number format, the day it was counted and where it came from. The coordinator's
// entry detail and the judge's score panel (beside the communication dimension) both show them.
import { useTranslation } from 'react-i18next';
import type { ReachFigure } from '../../../src-main/contract';

export function ReachList({ figures, title, testId }: { figures: readonly ReachFigure[]; title: string; testId: string }) {
  const { t, i18n } = useTranslation();
  if (figures.length === 0) return null;
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <div className="entry-reach" data-testid={testId}>
      <strong>{title}</strong>
      <ul className="plain">
        {figures.map((f) => (
          <li key={f.metric}>
            {t('common.labelled', { label: t(`reach.metric.${f.metric}`), value: number.format(f.value) })}
            {f.asOf && <span className="muted small"> · {t('reach.asOf', { date: f.asOf })}</span>}
            {f.source && <span className="muted small"> · {t('reach.source', { source: f.source })}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
