// Which entries one list takes: per entry kind, the whole kind or chosen categories. Ticking moves
// the kind or category here from whichever list had it (list-feeds.take), because an entry belongs
// to exactly one list; each unticked category's tooltip says which list judges it now.
import { useTranslation } from 'react-i18next';
import { localized } from '../../format';
import type { SectionProps } from './draft-ops';
import { feedOf, owningList, release, take } from './list-feeds';
import { RetiredBadge } from './SetupControls';

export function FeedsEditor({ draft, update, listIndex }: SectionProps & { listIndex: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const list = draft.lists[listIndex];
  const ownerName = (index: number) => (index < 0 ? t('setup.inNoList') : localized(draft.lists[index].name, lang) || draft.lists[index].key);
  return (
    <div className="feeds" data-testid="setup-feeds">
      {draft.entryKinds.map((kind) => {
        const feed = feedOf(list, kind.kind);
        const whole = feed?.categories === null;
        const kindName = localized(kind.label, lang) || t(`setup.entryKinds.${kind.kind}`);
        const elsewhere = !feed ? owningList(draft, kind.kind, null) : listIndex;
        return (
          <div key={kind.kind} className="feed-kind">
            <label className="checkbox feed-kind-name" title={!feed ? t('setup.nowIn', { list: ownerName(elsewhere) }) : undefined}>
              <input
                type="checkbox"
                checked={whole}
                ref={(el) => {
                  if (el) el.indeterminate = feed !== undefined && !whole;
                }}
                onChange={() => update((d) => (whole ? release(d, listIndex, kind.kind, null) : take(d, listIndex, kind.kind, null)))}
                data-testid={`setup-feed-kind-${kind.kind}`}
              />
              <strong>{kindName}</strong>
              {kind.categories.length > 0 && feed && <span className="muted small">{whole ? t('setup.feedWhole') : t('setup.feedSome')}</span>}
              {!feed && <span className="muted small feed-elsewhere">{t('setup.nowIn', { list: ownerName(elsewhere) })}</span>}
            </label>
            {kind.categories.length > 0 && (
              <div className="chip-checks">
                {kind.categories.map((c) => {
                  const on = whole || (feed?.categories?.includes(c.key) ?? false);
                  const owner = owningList(draft, kind.kind, c.key);
                  return (
                    <label key={c.key} className={c.retired ? 'checkbox retired-chip' : 'checkbox'} title={on ? undefined : t('setup.nowIn', { list: ownerName(owner) })}>
                      <input type="checkbox" checked={on} onChange={() => update((d) => (on ? release(d, listIndex, kind.kind, c.key) : take(d, listIndex, kind.kind, [c.key])))} data-testid={`setup-feed-category-${kind.kind}-${c.key}`} />
                      <span>{localized(c.label, lang) || c.key}</span>
                      {c.retired && <RetiredBadge />}
                    </label>
                  );
                })}
              </div>
            )}
          </div>
        );
      })}
      <p className="muted small">{t('setup.feedsHint')}</p>
    </div>
  );
}
