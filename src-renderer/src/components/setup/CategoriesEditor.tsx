// The categories of one entry kind (图文 / 漫画 / 视频 …): rename, reorder, retire or bring back,
// and give one its own media rules. A category already saved is never deleted here — entries may
// name it; retiring it stops new registrations while its entries stay and are judged. Only a
// category added in this draft can be deleted. Each row says which list judges it.
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CategoryDef, LocalizedText } from '../../../../src-main/contract';
import { localized } from '../../format';
import { followKey, fresh, isFresh, move, proposeKey, replaceAt } from './draft-keys';
import { emptyText, rekeyCategory, removeCategory, setCategories, type SectionProps } from './draft-ops';
import { owningList } from './list-feeds';
import { MediaRulesEditor } from './MediaRulesEditor';
import { Check, KeyCell, OrderButtons, RetiredBadge, TextPair } from './SetupControls';

export function CategoriesEditor({ draft, original, update, kindIndex }: SectionProps & { kindIndex: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const kind = draft.entryKinds[kindIndex];
  const [mediaOpen, setMediaOpen] = useState<number | null>(null);
  const savedKeys = original.entryKinds.find((k) => k.kind === kind.kind)?.categories.map((c) => c.key) ?? [];
  const takenBy = (i: number) => [...kind.categories.filter((_, j) => j !== i).map((c) => c.key), ...savedKeys];

  const setCategory = (i: number, next: CategoryDef) =>
    update((d) => rekeyCategory(setCategories(d, kindIndex, replaceAt(d.entryKinds[kindIndex].categories, i, next)), kind.kind, kind.categories[i].key, next.key));
  const setLabel = (i: number, label: LocalizedText) => {
    const c = kind.categories[i];
    setCategory(i, { ...c, label, key: isFresh(c) ? followKey(c.key, c.label.en, label.en, takenBy(i), 'category') : c.key });
  };
  const add = () =>
    update((d) => setCategories(d, kindIndex, [...d.entryKinds[kindIndex].categories, fresh({ key: proposeKey('', [...kind.categories.map((c) => c.key), ...savedKeys], 'category'), label: emptyText() })]));

  return (
    <div className={kind.categories.length ? 'categories' : 'categories empty'} data-testid={`setup-categories-${kind.kind}`}>
      {kind.categories.length === 0 ? (
        <p className="muted small no-categories">{t('setup.noCategories')}</p>
      ) : (
        <table className="data-table compact setup-table">
          <thead>
            <tr>
              <th className="col-order" />
              <th className="col-key">{t('setup.key')}</th>
              <th>{t('setup.label')}</th>
              <th className="col-list">{t('setup.judgedIn')}</th>
              <th className="col-actions" />
            </tr>
          </thead>
          <tbody>
            {kind.categories.map((c, i) => {
              const name = localized(c.label, lang) || c.key;
              const listIndex = owningList(draft, kind.kind, c.key);
              return (
                <Fragment key={i}>
                  <tr className={c.retired ? 'retired-row' : undefined} data-testid={`setup-category-row-${kind.kind}-${i}`}>
                    <td>
                      <OrderButtons index={i} count={kind.categories.length} label={name} onMove={(delta) => update((d) => setCategories(d, kindIndex, move(d.entryKinds[kindIndex].categories, i, delta)))} />
                    </td>
                    <td>
                      <KeyCell value={c.key} editable={isFresh(c)} onChange={(key) => setCategory(i, { ...c, key })} testId={`setup-category-key-${kind.kind}-${i}`} />
                    </td>
                    <td>
                      <div className="label-cell">
                        <TextPair value={c.label} onChange={(label) => setLabel(i, label)} testId={`setup-category-${kind.kind}-${i}`} />
                        {c.retired && <RetiredBadge />}
                      </div>
                    </td>
                    <td className="small">
                      {listIndex >= 0 ? (
                        <span className="list-name-cell" title={localized(draft.lists[listIndex].name, lang)}>{localized(draft.lists[listIndex].name, lang)}</span>
                      ) : c.retired ? (
                        <span className="muted">—</span>
                      ) : (
                        <span className="badge warn">{t('setup.inNoList')}</span>
                      )}
                    </td>
                    <td className="row-actions">
                      <button type="button" className={c.mediaRules ? 'subtle on' : 'subtle'} aria-expanded={mediaOpen === i} title={c.mediaRules ? t('setup.ownMediaRules') : t('setup.mediaRulesOf')} onClick={() => setMediaOpen(mediaOpen === i ? null : i)} data-testid={`setup-category-media-${kind.kind}-${i}`}>
                        {t('setup.mediaRulesButton')}
                        {c.mediaRules && <span className="badge ok">{t('setup.ownRulesBadge')}</span>} {mediaOpen === i ? '▴' : '▾'}
                      </button>
                      <button type="button" className="subtle" onClick={() => setCategory(i, { ...c, retired: c.retired ? undefined : true })} data-testid={`setup-category-retire-${kind.kind}-${i}`}>
                        {c.retired ? t('setup.unretire') : t('setup.retire')}
                      </button>
                      {isFresh(c) && (
                        <button type="button" className="subtle" onClick={() => update((d) => removeCategory(d, kindIndex, i))} data-testid={`setup-category-remove-${kind.kind}-${i}`}>
                          {t('setup.remove')}
                        </button>
                      )}
                    </td>
                  </tr>
                  {mediaOpen === i && (
                    <tr className="detail-row">
                      <td />
                      <td colSpan={4}>
                        <Check checked={Boolean(c.mediaRules)} onChange={(on) => setCategory(i, { ...c, mediaRules: on ? structuredClone(draft.mediaRules) : undefined })} testId={`setup-category-own-rules-${kind.kind}-${i}`}>
                          {t('setup.useOwnMediaRules', { category: name })}
                        </Check>
                        {c.mediaRules ? (
                          <MediaRulesEditor rules={c.mediaRules} onChange={(mediaRules) => setCategory(i, { ...c, mediaRules })} testId={`setup-category-rules-${kind.kind}-${i}`} />
                        ) : (
                          <p className="muted small">{t('setup.campaignRulesApply')}</p>
                        )}
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      )}
      <button type="button" className="subtle add" onClick={add} data-testid={`setup-add-category-${kind.kind}`}>
        + {t('setup.addCategory')}
      </button>
    </div>
  );
}
