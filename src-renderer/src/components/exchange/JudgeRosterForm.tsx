// Adding or editing a judge on the roster (issue 15), before any key card: name, institution,
// specialities, how to reach them, and the conflicts the coordinator knows of — institutions the
// judge must not judge besides their own, and single entries by registration number with a reason.
// The same form serves "Add judge" and each row's "Edit"; the server refuses an unknown number.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignDetail, Judge } from '../../../../src-main/contract';
import { invoke } from '../../api';
import { localized } from '../../format';
import { useAppStore } from '../../stores/useAppStore';

interface ConflictEntryDraft {
  regNo: string;
  reason: string;
}

/** One institution a line: names may hold commas ("四川大学华西医院, 成都"), lines never do. */
const linesOf = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

export function JudgeRosterForm({ campaign, judge, onDone }: { campaign: CampaignDetail; judge: Judge | null; onDone(saved: Judge | null): void }) {
  const { t, i18n } = useTranslation();
  const run = useAppStore((s) => s.run);
  const [name, setName] = useState(judge?.name ?? '');
  const [institution, setInstitution] = useState(judge?.institution ?? '');
  const [contact, setContact] = useState(judge?.contact ?? '');
  const [specialities, setSpecialities] = useState<string[]>(judge?.specialities ?? []);
  const [institutions, setInstitutions] = useState((judge?.conflicts.institutions ?? []).join('\n'));
  const [entries, setEntries] = useState<ConflictEntryDraft[]>(judge?.conflicts.entries ?? []);
  const options = campaign.definition.entryKinds.flatMap((k) =>
    k.categories.length ? k.categories.map((c) => ({ key: c.key, label: localized(c.label, i18n.language) })) : [{ key: k.kind, label: localized(k.label, i18n.language) }],
  );
  const setEntry = (i: number, change: Partial<ConflictEntryDraft>) => setEntries((list) => list.map((e, j) => (j === i ? { ...e, ...change } : e)));

  async function save() {
    const details = {
      name: name.trim(),
      institution: institution.trim(),
      specialities,
      contact: contact.trim(),
      conflictInstitutions: linesOf(institutions),
      conflictEntries: entries.filter((e) => e.regNo.trim()).map((e) => ({ regNo: e.regNo.trim(), reason: e.reason.trim() })),
    };
    const saved = judge
      ? await run(() => invoke('judge:update', { campaignId: campaign.id, judgeId: judge.id, ...details }))
      : await run(() => invoke('judge:create', { campaignId: campaign.id, ...details }));
    if (saved) onDone(saved);
  }

  return (
    <form
      className="roster-form"
      data-testid="roster-form"
      aria-label={judge ? t('exchange.roster.editTitle', { name: judge.name }) : t('exchange.roster.addTitle')}
      onSubmit={(e) => {
        e.preventDefault();
        if (name.trim()) void save();
      }}
    >
      <h3>{judge ? t('exchange.roster.editTitle', { name: judge.name }) : t('exchange.roster.addTitle')}</h3>
      <div className="roster-grid">
        <label>
          {t('review.judgeName')}
          <input value={name} onChange={(e) => setName(e.target.value)} data-testid="roster-name" required />
        </label>
        <label>
          {t('review.judgeInstitution')}
          <input value={institution} onChange={(e) => setInstitution(e.target.value)} data-testid="roster-institution" />
        </label>
        <label>
          {t('exchange.roster.contact')}
          <input value={contact} onChange={(e) => setContact(e.target.value)} placeholder={t('exchange.roster.contactHint')} data-testid="roster-contact" />
        </label>
      </div>
      <fieldset className="specialities">
        <legend className="muted small">{t('review.specialities')}</legend>
        {options.map((o) => (
          <label key={o.key} className="checkbox small">
            <input
              type="checkbox"
              checked={specialities.includes(o.key)}
              onChange={(e) => setSpecialities((s) => (e.target.checked ? [...s, o.key] : s.filter((k) => k !== o.key)))}
            />
            {o.label}
          </label>
        ))}
      </fieldset>
      <label className="roster-institutions">
        {t('exchange.roster.conflictInstitutions')}
        <span className="muted small">{t('exchange.roster.conflictInstitutionsHint')}</span>
        <textarea rows={2} value={institutions} onChange={(e) => setInstitutions(e.target.value)} data-testid="roster-conflict-institutions" />
      </label>
      <fieldset className="roster-entries">
        <legend className="muted small">{t('exchange.roster.conflictEntries')}</legend>
        {entries.map((e, i) => (
          <div className="row" key={i} data-testid="roster-conflict-entry">
            <input value={e.regNo} onChange={(ev) => setEntry(i, { regNo: ev.target.value })} placeholder={t('exchange.roster.regNo')} aria-label={t('exchange.roster.regNo')} className="mono" data-testid={`roster-entry-regno-${i}`} />
            <input value={e.reason} onChange={(ev) => setEntry(i, { reason: ev.target.value })} placeholder={t('exchange.roster.reason')} aria-label={t('exchange.roster.reason')} data-testid={`roster-entry-reason-${i}`} />
            <button type="button" className="subtle" onClick={() => setEntries((list) => list.filter((_, j) => j !== i))}>
              {t('exchange.roster.removeEntry')}
            </button>
          </div>
        ))}
        <button type="button" className="subtle" onClick={() => setEntries((list) => [...list, { regNo: '', reason: '' }])} data-testid="roster-add-entry">
          {t('exchange.roster.addEntry')}
        </button>
      </fieldset>
      <div className="row">
        <button type="submit" className="primary" disabled={!name.trim()} data-testid="roster-save">
          {judge ? t('exchange.roster.save') : t('exchange.roster.add')}
        </button>
        <button type="button" onClick={() => onDone(null)} data-testid="roster-cancel">
          {t('common.cancelAction')}
        </button>
      </div>
    </form>
  );
}
