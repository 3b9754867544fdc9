// A virtualized table: only the rows in view (plus a margin) exist in the DOM, whatever the total.
import { useCallback, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKeptScroll } from '../hooks/useKeptList';
import type { CampaignDetail, EntryRow, EntrySortField } from '../../../src-main/contract';
import { formatInstant, localized, utcOffsetLabel } from '../format';
import type { useEntryPages } from '../hooks/useEntryPages';
import type { SortState } from './EntryBrowser';

export const ROW_HEIGHT = 36;
const OVERSCAN = 10;

interface Props {
  campaign: CampaignDetail;
  pages: ReturnType<typeof useEntryPages>;
  sort: SortState;
  onSort(sort: SortState): void;
  selected: number | null;
  onSelect(id: number): void;
}

const COLUMNS: { field: EntrySortField | null; key: string; className: string }[] = [
  { field: 'regNo', key: 'regNo', className: 'col-reg' },
  { field: 'title', key: 'title', className: 'col-title' },
  { field: 'kind', key: 'kind', className: 'col-kind' },
  { field: 'entrant', key: 'entrant', className: 'col-entrant' },
  { field: 'submittedAt', key: 'submittedAt', className: 'col-time' },
  { field: null, key: 'media', className: 'col-media' },
];

export function EntryTable({ campaign, pages, sort, onSort, selected, onSelect }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const total = pages.total ?? 0;
  // The table's own scrolling box; its position is kept across tab switches.
  const viewport = useKeptScroll<HTMLDivElement>(campaign.id, 'entries', total > 0);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);

  useLayoutEffect(() => {
    const el = viewport.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    setHeight(el.clientHeight);
    return () => observer.disconnect();
  }, [viewport]);

  // A new filter or sort starts at the top.
  useEffect(() => {
    // scrollTo, not an assignment: the box comes from a hook, whose values the React Compiler treats as read-only.
    if (pages.total === null) viewport.current?.scrollTo({ top: 0 });
  }, [pages.total, viewport]);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(total - 1, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  useEffect(() => {
    if (total > 0) pages.ensureRange(first, last);
  }, [first, last, total, pages]);

  const kindLabel = useMemo(() => {
    const labels = new Map<string, string>();
    for (const k of campaign.definition.entryKinds) {
      labels.set(k.kind, localized(k.label, lang));
      for (const c of k.categories) labels.set(`${k.kind}/${c.key}`, localized(c.label, lang));
    }
    return (row: EntryRow) => (row.category ? labels.get(`${row.kind}/${row.category}`) : undefined) ?? labels.get(row.kind) ?? row.kind;
  }, [campaign, lang]);

  const toggleSort = useCallback(
    (field: EntrySortField) =>
      onSort({ field, direction: sort.field === field && sort.direction === 'asc' ? 'desc' : 'asc' }),
    [sort, onSort],
  );

  const rows = [];
  for (let i = first; i <= last; i++) {
    const row = pages.rowAt(i);
    const style = { transform: `translateY(${i * ROW_HEIGHT}px)`, height: ROW_HEIGHT };
    rows.push(
      row ? (
        <div
          key={i}
          role="row"
          aria-rowindex={i + 2}
          aria-selected={selected === row.id}
          className={`vrow ${selected === row.id ? 'selected' : ''}`}
          style={style}
          tabIndex={0}
          data-testid="entry-row"
          onClick={() => onSelect(row.id)}
          onKeyDown={(e) => e.key === 'Enter' && onSelect(row.id)}
        >
          <span role="gridcell" className="col-reg mono">{row.regNo}</span>
          <span role="gridcell" className="col-title" title={row.title}>
            {row.decisions?.map((k) => (
              <span key={k} className={k === 'accept-late' ? 'badge warn' : 'badge verdict-fail'} data-testid="decision-badge">
                {t(`decisions.badge.${k}`)}
              </span>
            ))}
            {row.title}
          </span>
          <span role="gridcell" className="col-kind">{kindLabel(row)}</span>
          <span role="gridcell" className="col-entrant" title={row.entrantName}>{row.entrantName}</span>
          <span role="gridcell" className="col-time">
            {formatInstant(row.submittedAt, campaign.timeZone, false)}
            {row.late && <span className="badge warn">{t('entries.late')}</span>}
            {row.early && <span className="badge warn" data-testid="early-badge">{t('entries.early')}</span>}
          </span>
          <span role="gridcell" className="col-media num">{row.assetCount || '—'}</span>
        </div>
      ) : (
        <div key={i} role="row" className="vrow placeholder" style={style}>
          <span className="muted">…</span>
        </div>
      ),
    );
  }

  return (
    <div className="vtable" role="grid" aria-rowcount={total + 1} data-testid="entry-table">
      <div className="vhead" role="row">
        {COLUMNS.map((c) => (
          <span key={c.key} role="columnheader" className={c.className} aria-sort={sortAria(sort, c.field)}>
            {c.field ? (
              <button type="button" onClick={() => toggleSort(c.field!)}>
                {t(`entries.columns.${c.key}`)}
                {sort.field === c.field ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}
              </button>
            ) : (
              t(`entries.columns.${c.key}`)
            )}
          </span>
        ))}
      </div>
      <div className="vbody" ref={viewport} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
        {pages.total === 0 ? (
          <p className="empty muted">{t('entries.none')}</p>
        ) : (
          <div className="vspacer" style={{ height: total * ROW_HEIGHT }}>
            {rows}
          </div>
        )}
      </div>
      <p className="muted small tz-note">{t('entries.timesIn', { zone: `${campaign.timeZone}, ${utcOffsetLabel(campaign.deadline, campaign.timeZone)}` })}</p>
    </div>
  );
}

function sortAria(sort: SortState, field: EntrySortField | null): 'ascending' | 'descending' | undefined {
  if (!field || sort.field !== field) return undefined;
  return sort.direction === 'asc' ? 'ascending' : 'descending';
}
