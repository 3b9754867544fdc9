// The progress board in Judges & exchange (issue 15): per list and working round, each judge's
// assigned, complete, in progress and conflicted entries, the package issued and the last bundle
// received, whether the judge is done or late against the round's due date; filtered and sorted
// by the coordinator. Each owing judge has a reminder to copy in Chinese or English, and all of
// them copy at once. The clipboard may be refused (a browser without permission): the text is then
// shown selected so Ctrl+C still works.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignDetail, JudgeProgress, RoundProgress } from '../../../../src-main/contract';
import { formatInstant, localized } from '../../format';
import { useChannel } from '../../queries';
import { allReminders, owes, type ReminderLanguage, reminderText } from './reminder-text';

type Filter = 'all' | 'owing' | 'overdue' | 'complete';
type Sort = 'name' | 'missing' | 'bundle';

const statusClass = { complete: 'verdict-pass', in_progress: 'verdict-unreadable', not_started: 'verdict-unchecked' } as const;

function shown(rows: readonly JudgeProgress[], filter: Filter, sort: Sort, language: string): JudgeProgress[] {
  const kept = rows.filter((j) => (filter === 'owing' ? owes(j) : filter === 'overdue' ? j.overdue : filter === 'complete' ? j.status === 'complete' : true));
  const byName = (a: JudgeProgress, b: JudgeProgress) => a.name.localeCompare(b.name, language);
  if (sort === 'missing') return kept.sort((a, b) => b.missing - a.missing || byName(a, b));
  // Oldest bundle first (never sent first): who has been silent longest.
  if (sort === 'bundle') return kept.sort((a, b) => (a.lastBundle?.receivedAt ?? '').localeCompare(b.lastBundle?.receivedAt ?? '') || byName(a, b));
  return kept.sort(byName);
}

export function ProgressPanel({ campaign }: { campaign: CampaignDetail }) {
  const { t, i18n } = useTranslation();
  const board = useChannel('progress:board', { campaignId: campaign.id }).data;
  const [filter, setFilter] = useState<Filter>('all');
  const [sort, setSort] = useState<Sort>('name');
  const [language, setLanguage] = useState<ReminderLanguage>(i18n.language === 'en' ? 'en' : 'zh-CN');
  // What was copied (a judge's id or 'all'), or the text to select by hand when the clipboard refused.
  const [copied, setCopied] = useState<string | null>(null);
  const [manual, setManual] = useState<string | null>(null);
  if (!board) return null;
  const tz = board.timeZone;
  const owing = board.rounds.reduce((n, r) => n + r.judges.filter(owes).length, 0);
  if (board.rounds.every((r) => r.judges.length === 0)) return null; // nothing assigned yet: the assignment panel says what to do

  async function copy(text: string, what: string) {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(what);
      setManual(null);
    } catch {
      setManual(text);
    }
  }
  const roundTitle = (r: RoundProgress) =>
    [r.listName && r.list !== null ? localized(r.listName, i18n.language) : null, r.roundName ? localized(r.roundName, i18n.language) : null].filter(Boolean).join(' · ') || t('progress.allEntries');

  return (
    <section className="panel" data-testid="progress-panel">
      <div className="section-head">
        <h2>{t('progress.title')}</h2>
        <span className="inline-hint">
          <label className="inline-label">
            {t('progress.show')}{' '}
            <select value={filter} onChange={(e) => setFilter(e.target.value as Filter)} data-testid="progress-filter">
              {(['all', 'owing', 'overdue', 'complete'] as const).map((f) => (
                <option key={f} value={f}>
                  {t(`progress.filters.${f}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="inline-label">
            {t('progress.sortBy')}{' '}
            <select value={sort} onChange={(e) => setSort(e.target.value as Sort)} data-testid="progress-sort">
              {(['name', 'missing', 'bundle'] as const).map((s) => (
                <option key={s} value={s}>
                  {t(`progress.sorts.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="inline-label">
            {t('progress.reminderLanguage')}{' '}
            <select value={language} onChange={(e) => setLanguage(e.target.value as ReminderLanguage)} data-testid="progress-language">
              <option value="zh-CN">简体中文</option>
              <option value="en">English</option>
            </select>
          </label>
          <button type="button" disabled={owing === 0} onClick={() => void copy(allReminders(t, language, campaign.name, board.rounds, tz), 'all')} data-testid="progress-copy-all">
            {copied === 'all' ? t('progress.copiedAll', { count: owing }) : t('progress.copyAll', { count: owing })}
          </button>
        </span>
      </div>
      <p className="muted small">{t('progress.hint')}</p>
      {manual !== null && (
        <div className="manual-copy" role="status">
          <p className="small">{t('progress.copyByHand')}</p>
          <textarea readOnly value={manual} rows={4} ref={(el) => el?.select()} data-testid="progress-manual-copy" />
        </div>
      )}
      {board.rounds
        .filter((r) => r.judges.length > 0)
        .map((round) => {
          const rows = shown(round.judges, filter, sort, i18n.language);
          const done = round.judges.filter((j) => j.status === 'complete').length;
          const late = round.judges.filter((j) => j.overdue).length;
          return (
            <div key={`${round.list ?? ''}-${round.roundNo}`} className="progress-round" data-testid={`progress-round-${round.list ?? 'all'}`}>
              <h3>
                {roundTitle(round)}
                {round.dueAt && <span className="muted small"> · {t('progress.dueAt', { at: formatInstant(round.dueAt, tz) })}</span>}
              </h3>
              <p className="small" data-testid="progress-summary">
                {t('progress.summary', { count: round.judges.length, done, late, entries: round.entries })}
              </p>
              <table className="data-table compact" data-testid="progress-table">
                <thead>
                  <tr>
                    <th>{t('progress.columns.judge')}</th>
                    <th className="num">{t('progress.columns.assigned')}</th>
                    <th className="num">{t('progress.columns.complete')}</th>
                    <th className="num">{t('progress.columns.inProgress')}</th>
                    <th className="num">{t('progress.columns.conflicts')}</th>
                    <th>{t('progress.columns.status')}</th>
                    <th>{t('progress.columns.package')}</th>
                    <th>{t('progress.columns.bundle')}</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {rows.map((j) => (
                    <tr key={j.judgeId} data-testid="progress-row" data-judge={j.name}>
                      <td>
                        {j.name}
                        {j.institution && <div className="muted small">{j.institution}</div>}
                      </td>
                      <td className="num">{j.assigned}</td>
                      <td className="num">{j.complete}</td>
                      <td className="num">{j.inProgress}</td>
                      <td className="num">{j.conflicts}</td>
                      <td className="nowrap">
                        <span className={`badge ${statusClass[j.status]}`} data-testid="progress-status">
                          {t(`progress.status.${j.status}`)}
                        </span>
                        {j.overdue && (
                          <span className="badge verdict-fail" data-testid="progress-overdue">
                            {t('progress.overdue')}
                          </span>
                        )}
                      </td>
                      <td className="small">{j.package ? t('progress.packageIssued', { at: formatInstant(j.package.issuedAt, tz, false), version: j.package.definitionVersion }) : <span className="muted">{t('progress.noPackage')}</span>}</td>
                      <td className="small">{j.lastBundle ? t('progress.bundleReceived', { revision: j.lastBundle.revision, at: formatInstant(j.lastBundle.receivedAt, tz, false) }) : <span className="muted">{t('progress.noBundle')}</span>}</td>
                      <td className="row-actions nowrap">
                        {owes(j) && (
                          <button type="button" className="subtle" onClick={() => void copy(reminderText(t, language, campaign.name, round, j, tz), j.judgeId)} data-testid="progress-copy">
                            {copied === j.judgeId ? t('progress.copied') : t('progress.copyReminder')}
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {rows.length === 0 && <p className="muted small">{t('progress.noneShown')}</p>}
            </div>
          );
        })}
    </section>
  );
}
