import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignDetail, EntryKind, EntrySortField } from '../../../src-main/contract';
import { formatCount, localized } from '../format';
import { useEntryPages } from '../hooks/useEntryPages';
import { useKeptValue } from '../hooks/useKeptList';
import { EmptyState } from './EmptyState';
import { EntryDetailPanel } from './EntryDetailPanel';
import { EntryTable } from './EntryTable';

export interface SortState {
  field: EntrySortField;
  direction: 'asc' | 'desc';
}

export function EntryBrowser({ campaign, initialSelected = null }: { campaign: CampaignDetail; initialSelected?: number | null }) {
  const { t, i18n } = useTranslation();
  // Filters and sort are kept when the user switches tabs and comes back (hooks/useKeptList).
  const [search, setSearch] = useKeptValue(campaign.id, 'entries', 'search', '');
  const [query, setQuery] = useState(search.trim());
  const [kind, setKind] = useKeptValue<EntryKind | ''>(campaign.id, 'entries', 'kind', '');
  const [lateOnly, setLateOnly] = useKeptValue(campaign.id, 'entries', 'late', false);
  const [earlyOnly, setEarlyOnly] = useKeptValue(campaign.id, 'entries', 'early', false);
  const [importedOnly, setImportedOnly] = useKeptValue(campaign.id, 'entries', 'imported', false);
  const [sort, setSort] = useKeptValue<SortState>(campaign.id, 'entries', 'sort', { field: 'regNo', direction: 'asc' });
  const [selected, setSelected] = useState<number | null>(initialSelected);

  // Typing should not fire a query per keystroke.
  useEffect(() => {
    const timer = setTimeout(() => setQuery(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);

  const pages = useEntryPages({
    campaignId: campaign.id,
    sort,
    filter: { ...(kind ? { kind } : {}), ...(lateOnly ? { late: true } : {}), ...(earlyOnly ? { early: true } : {}), ...(importedOnly ? { imported: true } : {}), ...(query ? { query } : {}) },
  });

  // A campaign without a single entry says where entries come from instead of an empty table.
  const entryCount = Object.values(campaign.counts.byKind).reduce((n, c) => n + c, 0);
  if (entryCount === 0 && !campaign.openedPackage) {
    return <EmptyState testId="empty-entries" text={t('empty.entries.text')} actionLabel={t('empty.entries.action')} tab="import" />;
  }

  return (
    <div className={`entry-browser ${selected !== null ? 'with-detail' : ''}`}>
      <div className="filter-bar">
        <input
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          placeholder={t('entries.searchPlaceholder')}
          aria-label={t('entries.search')}
          data-testid="entry-search"
        />
        <select value={kind} onChange={(e) => setKind(e.target.value as EntryKind | '')} aria-label={t('entries.kind')}>
          <option value="">{t('entries.allKinds')}</option>
          {campaign.definition.entryKinds.map((k) => (
            <option key={k.kind} value={k.kind}>
              {localized(k.label, i18n.language)}
            </option>
          ))}
        </select>
        <label className="checkbox">
          <input type="checkbox" checked={lateOnly} onChange={(e) => setLateOnly(e.target.checked)} />
          {t('entries.lateOnly')}
        </label>
        {campaign.counts.early > 0 && (
          <label className="checkbox">
            <input type="checkbox" checked={earlyOnly} onChange={(e) => setEarlyOnly(e.target.checked)} />
            {t('entries.earlyOnly')}
          </label>
        )}
        {campaign.counts.imported > 0 && (
          <label className="checkbox">
            <input type="checkbox" checked={importedOnly} onChange={(e) => setImportedOnly(e.target.checked)} data-testid="entry-imported-only" />
            {t('entries.importedOnly')}
          </label>
        )}
        <span className="muted count" data-testid="entry-count">
          {pages.total === null ? t('common.loading') : t('entries.count', { count: pages.total, formatted: formatCount(pages.total, i18n.language) })}
        </span>
      </div>
      <div className="entry-split">
        <EntryTable campaign={campaign} pages={pages} sort={sort} onSort={setSort} selected={selected} onSelect={setSelected} />
        {selected !== null && (
          <EntryDetailPanel key={selected} entryId={selected} campaign={campaign} onClose={() => setSelected(null)} onChanged={pages.reload} />
        )}
      </div>
    </div>
  );
}
