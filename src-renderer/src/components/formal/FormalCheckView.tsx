// The formal check screen (形式审查, issue 14): every entry of a list with a formal round, what the
// app found about it (failing media, unmet completeness rules, empty required fields) as a
// suggestion, and the verdict staff give: pass, fail or fix needed — the last two with a reason,
// asked in the app's own dialog. Counts double as filters. Verdicts are never edited: a new one
// is recorded and the earlier ones stay listed (and in the record).
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignDetail, EntryProblem, FormalCheckEntry, FormalSuggestionItem, FormalVerdict } from '../../../../src-main/contract';
import { invoke } from '../../api';
import { invalidateCampaign, useChannel } from '../../queries';
import { formatInstant, localized } from '../../format';
import { useAppStore } from '../../stores/useAppStore';
import { useConfirmStore } from '../../stores/useConfirmStore';
import { entryProblemText } from '../entryProblemText';

type Filter = 'all' | 'unchecked' | FormalVerdict;
const FILTERS: Filter[] = ['all', 'unchecked', 'pass', 'fix_needed', 'fail'];
const VERDICTS: FormalVerdict[] = ['pass', 'fix_needed', 'fail'];
const SEGMENT: Record<FormalVerdict, string> = { pass: 'yes', fix_needed: 'unsure', fail: 'no' };
const BADGE: Record<FormalVerdict | 'unchecked', string> = { pass: 'verdict-pass', fix_needed: 'verdict-unreadable', fail: 'verdict-fail', unchecked: 'verdict-unchecked' };

export function FormalCheckView({ campaign }: { campaign: CampaignDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const run = useAppStore((s) => s.run);
  const askText = useConfirmStore((s) => s.askText);
  const tz = campaign.definition.timeZone;
  const view = useChannel('formalCheck:list', { campaignId: campaign.id }).data ?? null;
  const [filter, setFilter] = useState<Filter>('all');
  const [text, setText] = useState('');
  const [notice, setNotice] = useState('');

  // A verdict may move the ranking and writes the record: every read of the campaign is stale.
  const load = () => invalidateCampaign(campaign.id);

  const shown = useMemo(() => {
    const q = text.trim().toLowerCase();
    return (view?.entries ?? []).filter((e) => (filter === 'all' || (e.current?.verdict ?? 'unchecked') === filter) && (!q || e.regNo.toLowerCase().includes(q) || e.title.toLowerCase().includes(q)));
  }, [view, filter, text]);

  if (!view) return <p className="muted">{t('common.loading')}</p>;
  if (view.rounds.length === 0) return <section className="panel"><p data-testid="formal-no-round">{t('formalCheck.noRound')}</p></section>;

  const acceptable = view.entries.filter((e) => e.current === null && e.suggestion.verdict === 'pass').length;
  const roundName = (e: FormalCheckEntry) => {
    const r = view.rounds.find((x) => x.list === e.list && x.round === e.round);
    return r ? `${localized(r.listName, lang)} · ${localized(r.name, lang)}` : e.list;
  };
  const itemText = (e: FormalCheckEntry, item: FormalSuggestionItem) => {
    if (item.code === 'media') return t('formalCheck.suggestion.media', { files: item.files.join(', ') });
    if (item.code === 'required_field') return t('formalCheck.suggestion.required_field', { label: localized(item.label, lang) });
    const problem: EntryProblem = { entryId: e.entryId, regNo: e.regNo, title: e.title, kind: e.kind as EntryProblem['kind'], category: e.category, code: 'ENTRY_RULE_ANY_OF', rule: item.rule, options: item.options };
    return entryProblemText(t, problem, lang);
  };
  const who = (by: string) => (by === 'local' ? t('formalCheck.thisComputer') : by);

  async function decide(e: FormalCheckEntry, verdict: FormalVerdict) {
    let reason = '';
    if (verdict !== 'pass') {
      const typed = await askText({
        title: t('formalCheck.reasonTitle', { verdict: t(`formalCheck.actions.${verdict}`), regNo: e.regNo, title: e.title }),
        body: t('formalCheck.reasonBody'),
        confirmLabel: t('formalCheck.save'),
        cancelLabel: t('common.cancelAction'),
        danger: verdict === 'fail',
        text: { label: t('formalCheck.reasonLabel'), required: true },
      });
      if (typed === null) return;
      reason = typed;
    }
    const saved = await run(() => invoke('formalCheck:set', { campaignId: campaign.id, entryId: e.entryId, verdict, reason }));
    if (saved) await load();
  }
  async function acceptSuggestions() {
    const result = await run(() => invoke('formalCheck:acceptSuggestions', { campaignId: campaign.id }));
    if (!result) return;
    setNotice(t('formalCheck.accepted', { count: result.passed }));
    await load();
  }

  return (
    <section className="panel" data-testid="formal-check-view">
      <div className="section-head">
        <h2>{t('formalCheck.title')}</h2>
        <div className="actions">
          <button type="button" disabled={acceptable === 0} onClick={() => void acceptSuggestions()} data-testid="formal-accept-suggestions">
            {t('formalCheck.acceptSuggestions', { count: acceptable })}
          </button>
        </div>
      </div>
      <p className="muted small">{t('formalCheck.hint')}</p>
      {notice && <p className="muted small" data-testid="formal-notice">{notice}</p>}
      <ul className="stat-row" aria-label={t('formalCheck.filter')}>
        {FILTERS.map((f) => (
          <li key={f} className={`stat ${f === 'all' ? '' : BADGE[f]}${filter === f ? ' on' : ''}`}>
            <button type="button" className="link stat-button" aria-pressed={filter === f} onClick={() => setFilter(f)} data-testid={`formal-filter-${f}`}>
              <span className="stat-value" data-testid={`formal-count-${f}`}>
                {f === 'all' ? view.entries.length : view.counts[f]}
              </span>
              <span className="stat-label">{f === 'all' ? t('formalCheck.all') : t(`formalCheck.labels.${f}`)}</span>
            </button>
          </li>
        ))}
      </ul>
      <div className="filters formal-filters">
        <input type="search" value={text} placeholder={t('formalCheck.search')} aria-label={t('formalCheck.search')} onChange={(e) => setText(e.target.value)} data-testid="formal-search" />
      </div>
      {shown.length === 0 ? (
        <p className="muted">{t('formalCheck.empty')}</p>
      ) : (
        <table className="data-table compact" data-testid="formal-rows">
          <thead>
            <tr>
              <th>{t('formalCheck.columns.regNo')}</th>
              <th>{t('formalCheck.columns.title')}</th>
              {view.rounds.length > 1 && <th>{t('formalCheck.columns.round')}</th>}
              <th>{t('formalCheck.columns.suggestion')}</th>
              <th>{t('formalCheck.columns.verdict')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {shown.map((e) => {
              const current = e.current?.verdict ?? 'unchecked';
              return (
                <tr key={e.entryId} data-testid={`formal-row-${e.regNo}`}>
                  <td className="nowrap">{e.regNo}</td>
                  <td>{e.title}</td>
                  {view.rounds.length > 1 && <td className="small">{roundName(e)}</td>}
                  <td className="small" data-testid="formal-suggestion">
                    {e.suggestion.items.length === 0 ? <span className="muted">{t('formalCheck.suggestion.none')}</span> : e.suggestion.items.map((item, i) => <div key={i}>{itemText(e, item)}</div>)}
                  </td>
                  <td className="small">
                    <span className={`badge ${BADGE[current]}`} data-testid="formal-verdict">
                      {t(`formalCheck.labels.${current}`)}
                    </span>
                    {e.current?.reason && <div data-testid="formal-reason">{e.current.reason}</div>}
                    {e.current && <div className="muted">{t('formalCheck.recorded', { by: who(e.current.by), at: formatInstant(e.current.at, tz) })}</div>}
                    {e.history.length > 1 && <div className="muted">{t('formalCheck.earlier', { items: e.history.slice(1).map((h) => t(`formalCheck.verdicts.${h.verdict}`)).join(lang === 'zh-CN' ? '、' : ', ') })}</div>}
                  </td>
                  <td>
                    <span className="segmented">
                      {VERDICTS.map((v) => (
                        <button key={v} type="button" className={current === v ? `on ${SEGMENT[v]}` : ''} aria-pressed={current === v} onClick={() => void decide(e, v)} data-testid={`formal-set-${v}`}>
                          {t(`formalCheck.actions.${v}`)}
                        </button>
                      ))}
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
