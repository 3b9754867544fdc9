// The programme's lists (榜单): each takes some kinds and categories of entries, scores them on its
// own rubric, asks its own eligibility items and awards its own certificate. One list is edited at
// a time (chosen above); what no list takes yet is named at the top, before a save is refused.
import { useTranslation } from 'react-i18next';
import type { ListDef, LocalizedText } from '../../../../src-main/contract';
import { allDimensions } from '../../../../src-main/contract/lists';
import { localized } from '../../format';
import { useConfirmStore } from '../../stores/useConfirmStore';
import { followKey, fresh, isFresh, proposeKey, removeAt, replaceAt } from './draft-keys';
import { emptyText, type SectionProps } from './draft-ops';
import { BlendEditor } from './BlendEditor';
import { EligibilityEditor } from './EligibilityEditor';
import { FeedsEditor } from './FeedsEditor';
import { coverage } from './list-feeds';
import { newDimension, RubricEditor } from './RubricEditor';
import { RoundsEditor } from './RoundsEditor';
import { KeyCell, TextPair } from './SetupControls';
import { TierRulesEditor } from '../ranking/TierRulesEditor';
import { rankingMethods } from '../../../../src-main/contract/definition-terms';

const weightsOk = (list: ListDef) => Math.abs(list.rubric.reduce((s, d) => s + d.weight, 0) - 1) < 1e-6;

export function ListsEditor(props: SectionProps & { campaignId: string; listIndex: number; onList(index: number): void }) {
  const { draft, original, update, onList } = props;
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const ask = useConfirmStore((s) => s.ask);
  const li = Math.min(props.listIndex, draft.lists.length - 1);
  const list = draft.lists[li];
  const savedKeys = original.lists.map((l) => l.key);
  const nameOf = (l: ListDef) => localized(l.name, lang) || t('setup.untitledList');
  const setList = (next: ListDef) => update((d) => ({ ...d, lists: replaceAt(d.lists, li, next) }));
  const setName = (name: LocalizedText) => {
    const taken = [...draft.lists.filter((_, j) => j !== li).map((l) => l.key), ...savedKeys];
    setList({ ...list, name, key: isFresh(list) ? followKey(list.key, list.name.en, name.en, taken, 'list') : list.key });
  };
  const add = () => {
    const dimensionKey = proposeKey('', [...allDimensions(draft), ...allDimensions(original)].map((d) => d.key), 'dimension');
    const scale = draft.lists[0]?.rubric[0]?.scale ?? { min: 0, max: 10, step: 1 };
    const next = fresh({ key: proposeKey('', [...draft.lists.map((l) => l.key), ...savedKeys], 'list'), name: emptyText(), feeds: [], rubric: [newDimension(dimensionKey, scale, 1)], eligibility: [], certificateKind: null, method: null, tiers: null });
    update((d) => ({ ...d, lists: [...d.lists, next] }));
    onList(draft.lists.length);
  };
  const remove = async () => {
    if (!isFresh(list)) {
      const sure = await ask({ title: t('setup.removeListTitle', { list: nameOf(list) }), body: t('setup.removeListBody'), confirmLabel: t('setup.remove'), cancelLabel: t('common.cancelAction'), danger: true });
      if (!sure) return;
    }
    update((d) => ({ ...d, lists: removeAt(d.lists, li) }));
    onList(Math.max(0, li - 1));
  };
  const { unfed, empty } = coverage(draft);
  const kindName = (kind: string) => {
    const k = draft.entryKinds.find((x) => x.kind === kind);
    return k ? localized(k.label, lang) || t(`setup.entryKinds.${k.kind}`) : kind;
  };
  const categoryName = (kind: string, key: string) => {
    const c = draft.entryKinds.find((x) => x.kind === kind)?.categories.find((x) => x.key === key);
    return c ? localized(c.label, lang) || key : key;
  };
  const usualAward = draft.certificates.find((c) => c.key === 'award');

  return (
    <>
      <section className="panel" aria-labelledby="setup-lists-title">
        <div className="section-head">
          <h2 id="setup-lists-title">{t('setup.lists')}</h2>
          <button type="button" onClick={add} data-testid="setup-add-list">
            + {t('setup.addList')}
          </button>
        </div>
        <div className="picker list-picker" role="tablist" aria-label={t('setup.lists')}>
          {draft.lists.map((l, i) => (
            <button key={i} type="button" role="tab" aria-selected={i === li} className={i === li ? 'on' : ''} title={nameOf(l)} onClick={() => onList(i)} data-testid={`setup-list-tab-${i}`}>
              <span className="picker-text">{nameOf(l)}</span>
              {(!weightsOk(l) || l.feeds.length === 0) && <span className="dot warn" aria-label={t('setup.needsAttention')} />}
            </button>
          ))}
        </div>
        {(unfed.length > 0 || empty.length > 0) && (
          <div className="coverage-warning" role="status" data-testid="setup-coverage">
            {unfed.length > 0 && <p>{t('setup.unfed', { items: unfed.map((u) => (u.category === null ? kindName(u.kind) : `${kindName(u.kind)} · ${categoryName(u.kind, u.category)}`)).join(lang === 'zh-CN' ? '、' : ', ') })}</p>}
            {empty.map((i) => (
              <p key={i}>{t('setup.listEmpty', { list: nameOf(draft.lists[i]) })}</p>
            ))}
          </div>
        )}
      </section>

      <section className="panel" aria-label={nameOf(list)} data-testid={`setup-list-${li}`}>
        <div className="setup-grid">
          <label>{t('setup.listName')}</label>
          <span className="inline-hint">
            <TextPair value={list.name} onChange={setName} testId="setup-list-name" />
            <button type="button" className="subtle" disabled={draft.lists.length === 1} onClick={() => void remove()} data-testid="setup-list-remove">
              {t('setup.removeList')}
            </button>
          </span>
          <label>{t('setup.key')}</label>
          <span className="inline-hint">
            <KeyCell value={list.key} editable={isFresh(list)} onChange={(key) => setList({ ...list, key })} testId="setup-list-key" />
            <span className="muted small">{isFresh(list) ? t('setup.keyHint') : t('setup.keyFixed')}</span>
          </span>
          <label htmlFor="setup-list-certificate">{t('setup.listCertificate')}</label>
          <select id="setup-list-certificate" className="select-limited" value={list.certificateKind ?? ''} onChange={(e) => setList({ ...list, certificateKind: e.target.value || null })} data-testid="setup-list-certificate">
            <option value="">{usualAward ? t('setup.usualAwardNamed', { name: localized(usualAward.label, lang) }) : t('setup.usualAward')}</option>
            {draft.certificates.map((c) => (
              <option key={c.key} value={c.key}>
                {localized(c.label, lang) || c.key}
              </option>
            ))}
          </select>
          <label>{t('setup.listFeeds')}</label>
          <FeedsEditor {...props} listIndex={li} />
          <label htmlFor="setup-list-method">{t('setup.listMethod')}</label>
          <span className="inline-hint">
            <select id="setup-list-method" className="select-limited" value={list.method ?? ''} onChange={(e) => setList({ ...list, method: (e.target.value || null) as ListDef['method'] })} data-testid="setup-list-method">
              <option value="">{t('setup.fromRankingSettings')}</option>
              {rankingMethods.map((m) => (
                <option key={m} value={m}>
                  {t(`ranking.methods.${m}`)}
                </option>
              ))}
            </select>
            <span className="muted small">{list.method ? t(`ranking.methodHelp.${list.method}`, { n: 5 }) : t('setup.listMethodHint')}</span>
          </span>
          <label>{t('setup.listTiers')}</label>
          <div>
            <label className="checkbox-line">
              <input type="checkbox" checked={list.tiers !== null} onChange={(e) => setList({ ...list, tiers: e.target.checked ? [] : null })} data-testid="setup-list-own-tiers" />
              {t('setup.listOwnTiers')}
            </label>
            {list.tiers !== null && <TierRulesEditor tiers={list.tiers} onChange={(tiers) => setList({ ...list, tiers })} testId="setup-list-tier" />}
          </div>
          <label>{t('setup.blend.title')}</label>
          <BlendEditor list={list} onChange={setList} />
        </div>
      </section>

      <RoundsEditor campaignId={props.campaignId} draft={draft} original={original} list={list} savedList={isFresh(list) ? undefined : original.lists.find((l) => l.key === list.key)} onChange={setList} />
      <RubricEditor draft={draft} original={original} rubric={list.rubric} onRubric={(rubric) => setList({ ...list, rubric })} />
      <EligibilityEditor draft={draft} original={original} listIndex={li} onChange={setList} />
    </>
  );
}
