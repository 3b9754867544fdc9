// The assignment matrix (issue 15): one category's entries × the campaign's judges, a page at a
// time. A cell says whether the judge is on the entry (●), started it (✎: can no longer be taken
// off) or declared a conflict (⊘); clicking an empty cell puts the judge on, clicking ● takes them
// off (manual assignments, on record). Entries ticked in the first column move from one judge to
// another in one step — a judge who drops out — and what could not move says why.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignDetail, EntryKind, MatrixCell } from '../../../../src-main/contract';
import { invoke } from '../../api';
import { localized } from '../../format';
import { invalidateCampaign, usePagedChannel } from '../../queries';
import { useAppStore } from '../../stores/useAppStore';

const PAGE = 100;
const symbol: Record<MatrixCell, string> = { assigned: '●', started: '✎', conflict: '⊘' };

/** Every (kind, category) of the programme, with its label: the matrix shows one at a time. */
interface CategoryChoice {
  kind: EntryKind;
  category: string | null;
  label: string;
}

function categoriesOf(campaign: CampaignDetail, language: string): CategoryChoice[] {
  return campaign.definition.entryKinds.flatMap((k): CategoryChoice[] =>
    k.categories.length === 0
      ? [{ kind: k.kind, category: null, label: localized(k.label, language) }]
      : k.categories.map((c) => ({ kind: k.kind, category: c.key, label: `${localized(k.label, language)} · ${localized(c.label, language)}` })),
  );
}

function JudgeChoice({ label, judges, value, onChange, testId }: { label: string; judges: readonly { judgeId: string; name: string }[]; value: string; onChange(id: string): void; testId: string }) {
  return (
    <label className="inline-label">
      {label}{' '}
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        <option value="">—</option>
        {judges.map((j) => (
          <option key={j.judgeId} value={j.judgeId}>
            {j.name}
          </option>
        ))}
      </select>
    </label>
  );
}

export function AssignmentMatrixPanel({ campaign, onChanged }: { campaign: CampaignDetail; onChanged(): void }) {
  const { t, i18n } = useTranslation();
  const run = useAppStore((s) => s.run);
  const options = categoriesOf(campaign, i18n.language);
  const [choice, setChoice] = useState(0);
  const chosen = options[Math.min(choice, options.length - 1)];
  const { last, rows, more } = usePagedChannel('assignment:matrix', { campaignId: campaign.id, kind: chosen?.kind ?? 'work', category: chosen?.category ?? null }, PAGE);
  const [ticked, setTicked] = useState<ReadonlySet<number>>(new Set());
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  if (!chosen || !last) return null;
  const judges = last.judges;
  const nameOf = (id: string) => judges.find((j) => j.judgeId === id)?.name ?? '';

  async function changed() {
    await invalidateCampaign(campaign.id);
    onChanged();
  }
  async function toggle(entryId: number, judgeId: string, on: boolean) {
    const r = await run(() => invoke('assignment:set', { campaignId: campaign.id, entryId, judgeId, assigned: on }));
    if (r) await changed();
  }
  async function move() {
    const r = await run(() => invoke('assignment:move', { campaignId: campaign.id, entryIds: [...ticked], fromJudgeId: from, toJudgeId: to }));
    if (!r) return;
    const left = r.skipped.map((s) => t('exchange.matrix.skippedOne', { regNo: s.regNo, reason: t(`exchange.matrix.skip.${s.reason}`, { from: nameOf(from), to: nameOf(to) }) }));
    setNotice([t('exchange.matrix.moved', { count: r.moved, from: nameOf(from), to: nameOf(to) }), ...left].join(t('exchange.reasonSeparator')));
    setTicked(new Set());
    await changed();
  }

  return (
    <section className="panel" data-testid="assignment-matrix">
      <div className="section-head">
        <h2>{t('exchange.matrix.title')}</h2>
        <label className="inline-label">
          {t('exchange.matrix.category')}{' '}
          <select
            value={choice}
            onChange={(e) => {
              setChoice(Number(e.target.value));
              setTicked(new Set());
            }}
            data-testid="matrix-category"
          >
            {options.map((o, i) => (
              <option key={`${o.kind}-${o.category ?? ''}`} value={i}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted small">{t('exchange.matrix.hint')}</p>
      <div className="inline-hint matrix-move">
        <span>{t('exchange.matrix.moveTicked', { count: ticked.size })}</span>
        <JudgeChoice label={t('exchange.matrix.from')} judges={judges} value={from} onChange={setFrom} testId="matrix-from" />
        <JudgeChoice label={t('exchange.matrix.to')} judges={judges} value={to} onChange={setTo} testId="matrix-to" />
        <button type="button" disabled={ticked.size === 0 || !from || !to || from === to} onClick={() => void move()} data-testid="matrix-move">
          {t('exchange.matrix.move')}
        </button>
      </div>
      {notice && (
        <p className="small" role="status" data-testid="matrix-notice">
          {notice}
        </p>
      )}
      <div className="matrix-scroll">
        <table className="data-table compact matrix" data-testid="matrix-table">
          <thead>
            <tr>
              <th />
              <th>{t('exchange.matrix.entry')}</th>
              {judges.map((j) => (
                <th key={j.judgeId} className="matrix-judge" title={j.institution ?? undefined}>
                  {j.name}
                  <div className="muted small">{j.assigned}</div>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.entryId} data-testid="matrix-row" data-regno={r.regNo}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t('exchange.matrix.tick', { regNo: r.regNo })}
                    checked={ticked.has(r.entryId)}
                    onChange={(e) => {
                      const next = new Set(ticked);
                      if (e.target.checked) next.add(r.entryId);
                      else next.delete(r.entryId);
                      setTicked(next);
                    }}
                    data-testid="matrix-tick"
                  />
                </td>
                <td className="matrix-entry">
                  <span className="mono">{r.regNo}</span> <span className="muted">{r.title}</span>
                </td>
                {judges.map((j) => {
                  const cell = r.cells[j.judgeId];
                  const label = t(`exchange.matrix.cell.${cell ?? 'none'}`, { judge: j.name, regNo: r.regNo });
                  return (
                    <td key={j.judgeId} className={`matrix-cell ${cell ?? ''}`}>
                      <button type="button" className="subtle" disabled={cell === 'started' || cell === 'conflict'} aria-label={label} title={label} onClick={() => void toggle(r.entryId, j.judgeId, !cell)} data-testid={`matrix-cell-${j.judgeId}`}>
                        {cell ? symbol[cell] : '·'}
                      </button>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length < last.total && (
        <button type="button" className="subtle" onClick={more} data-testid="matrix-more">
          {t('exchange.matrix.more', { shown: rows.length, total: last.total })}
        </button>
      )}
    </section>
  );
}
