// The Setup tab: the coordinator changes the campaign's own programme — names, organizers, the
// registration window, judges per entry, blind review, the rubric (weights as percentages that
// total 100 %) and the categories. Saving makes a new numbered version; the core refuses, with a
// translated reason, any change that would invalidate what was already collected, and stores
// nothing then. "New edition" starts next year's campaign from this definition.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignDefinition, CampaignDetail, ListDef, LocalizedText, OrganizerRole, RubricDimension } from '../../../../src-main/contract';
import { organizerRoles } from '../../../../src-main/contract/definition-terms';
import { invoke } from '../../api';
import { formatInstant, localized } from '../../format';
import { useAppStore } from '../../stores/useAppStore';
import { fromWallTime, toWallTime } from './zoned-time';

type Versions = { version: number; savedAt: string; actor: string; reason: string }[];

function TextPair({ value, onChange, testId }: { value: LocalizedText; onChange(v: LocalizedText): void; testId: string }) {
  const { t } = useTranslation();
  return (
    <span className="text-pair">
      <input aria-label={t('setup.zh')} value={value['zh-CN']} onChange={(e) => onChange({ ...value, 'zh-CN': e.target.value })} data-testid={`${testId}-zh`} />
      <input aria-label={t('setup.en')} value={value.en} onChange={(e) => onChange({ ...value, en: e.target.value })} data-testid={`${testId}-en`} />
    </span>
  );
}

const percent = (weight: number) => Math.round(weight * 10000) / 100;

export function SetupView({ campaign, onSaved }: { campaign: CampaignDetail; onSaved(): void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { run, go, refreshCampaigns } = useAppStore();
  const [draft, setDraft] = useState<CampaignDefinition>(() => structuredClone(campaign.definition));
  const [reason, setReason] = useState('');
  const [saved, setSaved] = useState<number | null>(null);
  const [versions, setVersions] = useState<Versions>([]);
  const tz = draft.timeZone;

  useEffect(() => {
    void run(() => invoke('campaign:definitionVersions', { campaignId: campaign.id })).then((v) => v && setVersions(v));
  }, [run, campaign.id, saved]);

  const set = (patch: Partial<CampaignDefinition>) => setDraft((d) => ({ ...d, ...patch }));
  const changed = JSON.stringify(draft) !== JSON.stringify(campaign.definition);

  async function save() {
    const result = await run(() => invoke('campaign:updateDefinition', { campaignId: campaign.id, definition: draft, reason }));
    if (!result) return;
    setSaved(result.version);
    setReason('');
    await refreshCampaigns();
    onSaved();
  }

  async function newEdition() {
    const next = await run(() => invoke('campaign:newEdition', { campaignId: campaign.id, shiftYears: 1 }));
    if (!next) return;
    await refreshCampaigns();
    go({ name: 'campaign', campaignId: next.id });
  }

  return (
    <div className="setup" data-testid="setup-view">
      <section className="panel">
        <h2>{t('setup.basics')}</h2>
        <div className="setup-grid">
          <label>{t('setup.name')}</label>
          <TextPair value={draft.name} onChange={(name) => set({ name })} testId="setup-name" />
          <label>{t('overview.organizers')}</label>
          <div className="setup-list">
            {draft.organizers.map((o, i) => (
              <div key={i} className="setup-row">
                <select value={o.role} aria-label={t('setup.organizerRole')} onChange={(e) => set({ organizers: draft.organizers.map((x, j) => (j === i ? { ...x, role: e.target.value as OrganizerRole } : x)) })} data-testid={`setup-organizer-role-${i}`}>
                  {organizerRoles.map((r) => (
                    <option key={r} value={r}>
                      {t(`organizerRoles.${r}`)}
                    </option>
                  ))}
                </select>
                <TextPair value={o.name} onChange={(v) => set({ organizers: draft.organizers.map((x, j) => (j === i ? { ...x, name: v } : x)) })} testId={`setup-organizer-${i}`} />
                <button type="button" className="subtle" disabled={draft.organizers.length === 1} onClick={() => set({ organizers: draft.organizers.filter((_, j) => j !== i) })}>
                  {t('setup.remove')}
                </button>
              </div>
            ))}
            <button type="button" className="subtle" onClick={() => set({ organizers: [...draft.organizers, { name: { 'zh-CN': '', en: '' }, role: 'co_organizer' }] })} data-testid="setup-add-organizer">
              + {t('setup.addOrganizer')}
            </button>
          </div>
          <label htmlFor="setup-opens">{t('setup.opensAt')}</label>
          <input id="setup-opens" type="datetime-local" value={toWallTime(draft.opensAt, tz)} onChange={(e) => set({ opensAt: fromWallTime(e.target.value, tz) })} data-testid="setup-opens" />
          <label htmlFor="setup-deadline">{t('setup.deadline')}</label>
          <input id="setup-deadline" type="datetime-local" value={toWallTime(draft.deadline, tz)} onChange={(e) => set({ deadline: fromWallTime(e.target.value, tz) ?? draft.deadline })} data-testid="setup-deadline" />
          <label htmlFor="setup-tz">{t('overview.timeZone')}</label>
          <input id="setup-tz" value={draft.timeZone} onChange={(e) => set({ timeZone: e.target.value })} />
          <label htmlFor="setup-judges">{t('overview.judgesPerEntry')}</label>
          <input id="setup-judges" type="number" min={1} max={15} value={draft.judgesPerEntry} onChange={(e) => set({ judgesPerEntry: Number(e.target.value) })} data-testid="setup-judges" />
          <label htmlFor="setup-blind">{t('setup.blindReview')}</label>
          <input id="setup-blind" type="checkbox" checked={draft.blindReview} onChange={(e) => set({ blindReview: e.target.checked })} />
        </div>
      </section>

      {draft.lists.map((list, li) => (
        <RubricEditor
          key={li}
          list={list}
          original={campaign.definition.lists.find((l) => l.key === list.key) ?? null}
          title={draft.lists.length > 1 ? t('overview.listRubric', { list: localized(list.name, lang) }) : t('overview.rubric')}
          onChange={(next) => set({ lists: draft.lists.map((x, j) => (j === li ? next : x)) })}
        />
      ))}

      <section className="panel">
        <h2>{t('setup.categories')}</h2>
        <p className="muted small">{t('setup.fieldsHint')}</p>
        {draft.entryKinds.map((k, ki) => (
          <div key={k.kind} className="setup-kind">
            <h3>{localized(k.label, lang)}</h3>
            {k.categories.map((c, ci) => (
              <div key={ci} className="setup-row">
                <code>{c.key}</code>
                <TextPair value={c.label} onChange={(label) => set({ entryKinds: draft.entryKinds.map((x, j) => (j === ki ? { ...x, categories: x.categories.map((y, m) => (m === ci ? { ...y, label } : y)) } : x)) })} testId={`setup-category-${ki}-${ci}`} />
                <button type="button" className="subtle" onClick={() => set({ entryKinds: draft.entryKinds.map((x, j) => (j === ki ? { ...x, categories: x.categories.filter((_, m) => m !== ci) } : x)) })}>
                  {t('setup.remove')}
                </button>
              </div>
            ))}
            <button
              type="button"
              className="subtle"
              onClick={() => set({ entryKinds: draft.entryKinds.map((x, j) => (j === ki ? { ...x, categories: [...x.categories, { key: `category_${x.categories.length + 1}`, label: { 'zh-CN': '', en: '' } }] } : x)) })}
            >
              + {t('setup.addCategory')}
            </button>
            <table className="data-table compact setup-fields" data-testid={`setup-fields-${k.kind}`}>
              <thead>
                <tr>
                  <th>{t('setup.field')}</th>
                  <th>{t('setup.required')}</th>
                  <th title={t('setup.identifyingHint')}>{t('setup.identifying')}</th>
                </tr>
              </thead>
              <tbody>
                {k.fields.map((f, fi) => {
                  const setField = (patch: Partial<typeof f>) =>
                    set({ entryKinds: draft.entryKinds.map((x, j) => (j === ki ? { ...x, fields: x.fields.map((y, m) => (m === fi ? { ...y, ...patch } : y)) } : x)) });
                  return (
                    <tr key={f.key}>
                      <td>{localized(f.label, lang)}</td>
                      <td>
                        <input type="checkbox" aria-label={t('setup.required')} checked={f.required} onChange={(e) => setField({ required: e.target.checked })} />
                      </td>
                      <td>
                        <input type="checkbox" aria-label={t('setup.identifying')} checked={f.identifying ?? false} onChange={(e) => setField({ identifying: e.target.checked })} data-testid={`setup-identifying-${k.kind}-${f.key}`} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ))}
      </section>

      <section className="panel setup-save">
        <label>
          <span>{t('setup.reason')}</span>
          <input value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('setup.reasonHint')} data-testid="setup-reason" />
        </label>
        <button type="button" className="primary" disabled={!changed} onClick={() => void save()} data-testid="setup-save">
          {t('setup.save')}
        </button>
        <button type="button" disabled={!changed} onClick={() => setDraft(structuredClone(campaign.definition))} data-testid="setup-revert">
          {t('setup.revert')}
        </button>
        {saved !== null && !changed && <span className="muted" data-testid="setup-saved">{t('setup.saved', { version: saved })}</span>}
      </section>

      <section className="panel">
        <div className="section-head">
          <h2>{t('setup.versions')}</h2>
          <button type="button" onClick={() => void newEdition()} data-testid="setup-new-edition">
            {t('setup.newEdition')}
          </button>
        </div>
        <p className="muted small">{t('setup.newEditionHint')}</p>
        {versions.length === 0 ? (
          <p className="muted">{t('setup.noVersions')}</p>
        ) : (
          <ul className="plain" data-testid="setup-versions">
            {versions.map((v) => (
              <li key={v.version}>
                {t('setup.versionLine', { version: v.version, at: formatInstant(v.savedAt, tz), actor: v.actor === 'local' ? t('setup.thisComputer') : v.actor, reason: v.reason === 'created' ? t('setup.created') : v.reason || '—' })}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

/** One list's rubric: weights as percentages that must total 100 %; keys of dimensions already saved are fixed. */
function RubricEditor({ list, original, title, onChange }: { list: ListDef; original: ListDef | null; title: string; onChange(next: ListDef): void }) {
  const { t } = useTranslation();
  const setDimension = (i: number, patch: Partial<RubricDimension>) => onChange({ ...list, rubric: list.rubric.map((d, j) => (j === i ? { ...d, ...patch } : d)) });
  const total = list.rubric.reduce((s, d) => s + d.weight, 0);
  return (
      <section className="panel">
        <div className="section-head">
          <h2>{title}</h2>
          <span className={Math.abs(total - 1) > 1e-6 ? 'badge warn' : 'badge'} data-testid="setup-weight-total">
            {t('setup.weightTotal', { total: percent(total) })}
          </span>
        </div>
        <table className="data-table compact">
          <thead>
            <tr>
              <th>{t('setup.key')}</th>
              <th>{t('setup.label')}</th>
              <th>{t('setup.weight')}</th>
              <th>{t('setup.scale')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.rubric.map((d, i) => {
              const isNew = !(original?.rubric ?? []).some((o) => o.key === d.key) || i >= (original?.rubric ?? []).length;
              return (
                <tr key={i} data-testid="setup-dimension">
                  <td>{isNew ? <input className="key-input" value={d.key} aria-label={t('setup.key')} onChange={(e) => setDimension(i, { key: e.target.value })} /> : <code>{d.key}</code>}</td>
                  <td>
                    <TextPair value={d.label} onChange={(label) => setDimension(i, { label, description: d.description.en ? d.description : label })} testId={`setup-dimension-${i}`} />
                  </td>
                  <td>
                    <input className="num-input" type="number" min={0} max={100} step={1} value={percent(d.weight)} aria-label={t('setup.weight')} onChange={(e) => setDimension(i, { weight: Number(e.target.value) / 100 })} data-testid={`setup-weight-${i}`} />
                    %
                  </td>
                  <td className="muted">{`${d.scale.min}–${d.scale.max} / ${d.scale.step}`}</td>
                  <td>
                    <button type="button" className="subtle" disabled={list.rubric.length === 1} onClick={() => onChange({ ...list, rubric: list.rubric.filter((_, j) => j !== i) })}>
                      {t('setup.remove')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <button
          type="button"
          className="subtle"
          data-testid="setup-add-dimension"
          onClick={() => onChange({ ...list, rubric: [...list.rubric, { ...list.rubric[0], key: `${list.key}_dimension_${list.rubric.length + 1}`, weight: 0, anchors: [], label: { 'zh-CN': '', en: '' }, description: { 'zh-CN': '', en: '' } }] })}
        >
          + {t('setup.addDimension')}
        </button>
      </section>
  );
}
