// The 公示 tab. Its own tab rather than a part of Ranking because a notice has a life of its own
// after the provisional result is locked — a period of days, objections arriving and being
// resolved, exports sent to the website and the print shop — while the Ranking tab is about
// computing and publishing. The final publish stays in Ranking (Publish and lock), which waits for
// the period (see LockPanel). Here: create a notice from the locked result with its period, see
// the list as it will be published (no scores), export it, and work through the objections.
import { keepPreviousData } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { withHeldOpenNote } from '../../held-open';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../EmptyState';
import type { CampaignDetail, NoticeDocument, NoticeInfo, NoticeLanguage } from '../../../../src-main/contract';
import { invoke } from '../../api';
import { useDeliveredExport } from '../../hooks/useDeliveredExport';
import { ExportActions } from '../ExportActions';
import { formatInstant, localized } from '../../format';
import { invalidateCampaign, useChannel } from '../../queries';
import { useAppStore } from '../../stores/useAppStore';
import { NoticeLanguageSelect, NoticePeriodFields } from './NoticeFields';
import { NoticePreview } from './NoticePreview';
import { ObjectionsPanel } from './ObjectionsPanel';
import './notice.css';

/** "YYYY-MM-DDTHH:mm" for a datetime-local input, `days` from now, in the campaign's zone. */
function localInput(timeZone: string, days: number): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(Date.now() + days * 86_400_000));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

export function NoticeView({ campaign }: { campaign: CampaignDetail }) {
  const { t, i18n } = useTranslation();
  const run = useAppStore((s) => s.run);
  const setNotice = useAppStore((s) => s.setNotice);
  const def = campaign.definition;
  const tz = def.timeZone;
  const locks = useChannel('ranking:snapshots', { campaignId: campaign.id }).data ?? null;
  const notices = useChannel('notice:list', { campaignId: campaign.id }).data;
  const [selected, setSelected] = useState<number | null>(null);
  const [listKey, setListKey] = useState(def.lists[0].key);
  const [ranked, setRanked] = useState(true);
  const [language, setLanguage] = useState<NoticeLanguage>('both');
  const [start, setStart] = useState(() => localInput(tz, 0));
  const [end, setEnd] = useState(() => localInput(tz, 7));
  // A preview of the form's choices before a notice is made (shown while no notice is selected).
  const [draftPreview, setDraftPreview] = useState<NoticeDocument | null>(null);
  const reload = () => invalidateCampaign(campaign.id);

  // The first notice is selected when the list arrives, unless the user chose otherwise.
  useEffect(() => {
    if (notices) setSelected((s) => s ?? notices[0]?.id ?? null);
  }, [notices]);

  const current = notices?.find((n) => n.id === selected) ?? null;
  const noticePreview = useChannel('notice:preview', { campaignId: campaign.id, noticeId: current?.id }, { enabled: current !== null, placeholderData: keepPreviousData });
  const preview = current ? (noticePreview.data ?? null) : draftPreview;

  async function showPreview() {
    const p = await run(() => invoke('notice:preview', { campaignId: campaign.id, listKey, ranked }));
    if (p) {
      setSelected(null);
      setDraftPreview(p);
    }
  }
  async function create() {
    const made = await run(() => invoke('notice:create', { campaignId: campaign.id, listKey, ranked, language, periodStart: start.replace('T', ' '), periodEnd: end.replace('T', ' ') }));
    if (!made) return;
    setNotice(t('notice.create.created'));
    setSelected(made.id);
    await reload();
  }

  if (locks === null || notices === undefined) return null;
  return (
    <div className="notice-view" data-testid="notice-view">
      <section className="panel">
        <h2>{t('notice.title')}</h2>
        <p className="muted">{t('notice.hint')}</p>
      </section>
      {locks.length === 0 && <EmptyState testId="notice-needs-lock" text={t('empty.notice.text')} actionLabel={t('empty.notice.action')} tab="ranking" />}
      {locks.length > 0 && (
        <section className="panel" data-testid="notice-create">
          <h3>{t('notice.create.title')}</h3>
          <div className="notice-form">
            <label>
              {t('notice.create.list')}
              <select value={listKey} onChange={(e) => setListKey(e.target.value)} data-testid="notice-list-key">
                {def.lists.map((l) => (
                  <option key={l.key} value={l.key}>
                    {localized(l.name, i18n.language)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('notice.create.order')}
              <select value={ranked ? 'ranked' : 'unranked'} onChange={(e) => setRanked(e.target.value === 'ranked')} data-testid="notice-order">
                <option value="ranked">{t('notice.create.ranked')}</option>
                <option value="unranked">{t('notice.create.unranked')}</option>
              </select>
            </label>
            <NoticePeriodFields start={start} end={end} onStart={setStart} onEnd={setEnd} testIdPrefix="notice" />
            <NoticeLanguageSelect label={t('notice.create.language')} value={language} onChange={setLanguage} testId="notice-language" />
          </div>
          <p className="small muted">{t('notice.create.zone', { zone: tz })}</p>
          <div className="actions">
            <button type="button" onClick={() => void showPreview()} data-testid="notice-preview-button">
              {t('notice.create.preview')}
            </button>
            <button type="button" className="primary" onClick={() => void create()} data-testid="notice-create-button">
              {t('notice.create.button')}
            </button>
          </div>
        </section>
      )}
      <div className="notice-columns">
        <section className="panel notice-list" data-testid="notice-list">
          <h3>{t('notice.list.title')}</h3>
          {notices.length === 0 && <p className="muted">{t('notice.list.none')}</p>}
          <ul className="plain-list">
            {notices.map((n) => (
              <li key={n.id} className={n.id === selected ? 'selected' : ''}>
                <button type="button" className="link-like" onClick={() => setSelected(n.id)} data-testid="notice-item">
                  {t('notice.list.item', { list: localized(n.listName, i18n.language), start: n.periodStartLocal, end: n.periodEndLocal })}
                </button>
                <div className="small">
                  <span className={`badge notice-${n.status}`}>{t(`notice.status.${n.status}`)}</span> {t('notice.list.objections', { count: n.objections, open: n.openObjections })}
                </div>
              </li>
            ))}
          </ul>
        </section>
        <div className="notice-main">
          {current && <NoticeActions campaign={campaign} notice={current} onChanged={reload} />}
          {preview && <NoticePreview document={preview} />}
          {current && <ObjectionsPanel campaign={campaign} notice={current} document={preview} onChanged={reload} />}
        </div>
      </div>
      {current && (
        <p className="small muted">
          {t('notice.list.madeFrom', { published: formatInstant(current.snapshotLockedAt, tz), time: formatInstant(current.createdAt, tz), name: current.createdBy })}
        </p>
      )}
    </div>
  );
}

/** Period changes and exports of one notice. */
function NoticeActions({ campaign, notice, onChanged }: { campaign: CampaignDetail; notice: NoticeInfo; onChanged(): Promise<void> }) {
  const { t } = useTranslation();
  const [exported, deliver] = useDeliveredExport();
  const run = useAppStore((s) => s.run);
  const setNotice = useAppStore((s) => s.setNotice);
  const [start, setStart] = useState(notice.periodStartLocal.slice(0, 16).replace(' ', 'T'));
  const [end, setEnd] = useState(notice.periodEndLocal.slice(0, 16).replace(' ', 'T'));
  const [language, setLanguage] = useState<NoticeLanguage>(notice.language);
  useEffect(() => {
    setStart(notice.periodStartLocal.slice(0, 16).replace(' ', 'T'));
    setEnd(notice.periodEndLocal.slice(0, 16).replace(' ', 'T'));
    setLanguage(notice.language);
  }, [notice]);

  async function save() {
    const saved = await run(() => invoke('notice:update', { campaignId: campaign.id, noticeId: notice.id, periodStart: start.replace('T', ' '), periodEnd: end.replace('T', ' ') }));
    if (saved) {
      setNotice(t('notice.edit.saved'));
      await onChanged();
    }
  }
  async function exportAs(format: 'pdf' | 'html' | 'xlsx') {
    const file = await run(() => invoke('notice:export', { campaignId: campaign.id, noticeId: notice.id, format, language }));
    if (!file) return;
    deliver(file);
    setNotice(withHeldOpenNote(t, file, t('notice.export.saved', { file: file.savedTo })));
  }
  return (
    <section className="panel" data-testid="notice-actions">
      <div className="notice-form">
        <NoticePeriodFields start={start} end={end} onStart={setStart} onEnd={setEnd} testIdPrefix="notice-edit" />
        <button type="button" onClick={() => void save()} data-testid="notice-save-period">
          {t('notice.edit.save')}
        </button>
      </div>
      <div className="notice-form">
        <NoticeLanguageSelect label={t('notice.export.title')} value={language} onChange={setLanguage} testId="notice-export-language" />
        {(['pdf', 'html', 'xlsx'] as const).map((f) => (
          <button key={f} type="button" onClick={() => void exportAs(f)} data-testid={`notice-export-${f}`}>
            {t(`notice.export.${f}`)}
          </button>
        ))}
      </div>
      <ExportActions file={exported} testId="notice-export-actions" />
    </section>
  );
}
