// In the coordinator's entry panel: who reviews this entry, with manual overrides (add any judge,
// remove one who has not started).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../src-main/contract';
import { invoke } from '../api';
import { invalidateChannels } from '../queries';
import { useAppStore } from '../stores/useAppStore';

type Data = ResponseOf<'assignment:entry'>;

export function EntryJudges({ campaignId, entryId }: { campaignId: string; entryId: number }) {
  const { t } = useTranslation();
  const run = useAppStore((s) => s.run);
  const [data, setData] = useState<Data | null>(null);
  const [pick, setPick] = useState('');
  useEffect(() => {
    void run(() => invoke('assignment:entry', { campaignId, entryId })).then((d) => d && setData(d));
  }, [campaignId, entryId, run]);
  if (!data || data.judges.length === 0) return null;
  const set = async (judgeId: string, assigned: boolean) => {
    const d = await run(() => invoke('assignment:set', { campaignId, entryId, judgeId, assigned }));
    if (d) setData(d);
    // The judges' scores below list every assigned judge, so they are read again.
    if (d) void invalidateChannels('scores:entry');
  };
  const assigned = data.judges.filter((j) => j.assigned);
  const others = data.judges.filter((j) => !j.assigned);
  return (
    <section className="entry-judges" data-testid="entry-judges">
      <h3>{t('assign.title')}</h3>
      {assigned.length === 0 && <p className="muted small">{t('assign.none')}</p>}
      <ul className="plain">
        {assigned.map((j) => (
          <li key={j.judgeId} className="entry-judge">
            <span>
              {j.name}
              {j.institution && <span className="muted small"> · {j.institution}</span>}
              {j.source === 'manual' && <span className="badge">{t('assign.manual')}</span>}
              {j.started && <span className="badge">{t('assign.started')}</span>}
              {j.conflict && <span className="badge warn">{t('assign.conflict')}</span>}
            </span>
            <button type="button" className="subtle small" disabled={j.started} onClick={() => void set(j.judgeId, false)}>
              {t('assign.remove')}
            </button>
          </li>
        ))}
      </ul>
      {others.length > 0 && (
        <div className="row">
          <select value={pick} onChange={(e) => setPick(e.target.value)} aria-label={t('assign.add')}>
            <option value="">—</option>
            {others.map((j) => (
              <option key={j.judgeId} value={j.judgeId}>
                {j.name}
                {j.institution ? ` · ${j.institution}` : ''}
              </option>
            ))}
          </select>
          <button type="button" disabled={!pick} onClick={() => void set(pick, true).then(() => setPick(''))}>
            {t('assign.add')}
          </button>
        </div>
      )}
    </section>
  );
}
