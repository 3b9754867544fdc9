// Objections to one notice: the list with their state, a form to record one (which entry, from
// whom, the day received, what they say), attachments (added as copies kept in the database;
// opened as a download), and resolving: uphold (disqualifying or withdrawing the entry, a decision
// recorded with the resolution as its reason) or reject, each asking for the resolution text in the
// app's confirmation dialog (useConfirmStore.askText), never window.prompt.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignDetail, NoticeDocument, NoticeInfo, ObjectionInfo } from '../../../../src-main/contract';
import { invoke } from '../../api';
import { fileToBase64 } from '../../files';
import { useDeliveredExport } from '../../hooks/useDeliveredExport';
import { ExportActions } from '../ExportActions';
import { formatInstant } from '../../format';
import { channelKey, queryClient, useChannel } from '../../queries';
import { useAppStore } from '../../stores/useAppStore';
import { useConfirmStore } from '../../stores/useConfirmStore';

function today(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

export function ObjectionsPanel({ campaign, notice, document: doc, onChanged }: { campaign: CampaignDetail; notice: NoticeInfo; document: NoticeDocument | null; onChanged(): Promise<void> }) {
  const { t } = useTranslation();
  const [exported, deliver] = useDeliveredExport();
  const run = useAppStore((s) => s.run);
  const askText = useConfirmStore((s) => s.askText);
  const tz = campaign.definition.timeZone;
  const listKey = channelKey('objection:list', { campaignId: campaign.id, noticeId: notice.id });
  const objections = useChannel('objection:list', { campaignId: campaign.id, noticeId: notice.id }).data ?? [];
  const setObjections = (change: (list: ObjectionInfo[]) => ObjectionInfo[]) => queryClient.setQueryData<ObjectionInfo[]>(listKey, (list) => change(list ?? []));
  const [adding, setAdding] = useState(false);
  const entries = doc?.groups.flatMap((g) => g.entries) ?? [];
  const [entryId, setEntryId] = useState<number | null>(null);
  const [from, setFrom] = useState('');
  const [receivedOn, setReceivedOn] = useState(() => today(tz));
  const [text, setText] = useState('');

  const replace = (o: ObjectionInfo) => setObjections((list) => list.map((x) => (x.id === o.id ? o : x)));

  async function add() {
    const chosen = entryId ?? entries[0]?.entryId;
    if (chosen === undefined) return;
    const made = await run(() => invoke('objection:add', { campaignId: campaign.id, noticeId: notice.id, entryId: chosen, from: from.trim(), receivedOn, text: text.trim() }));
    if (!made) return;
    setObjections((list) => [...list, made]);
    setAdding(false);
    setFrom('');
    setText('');
    await onChanged();
  }
  /** Upheld objections take a decision on the entry (disqualify or withdraw), recorded with the resolution as its reason. */
  async function resolve(o: ObjectionInfo, outcome: 'upheld' | 'rejected', decision?: 'disqualify' | 'withdraw') {
    const upheld = outcome === 'upheld';
    const body = t(upheld ? 'notice.objections.upholdBody' : 'notice.objections.rejectBody', { regNo: o.regNo, title: o.entryTitle });
    const resolution = await askText({
      title: t(upheld ? 'notice.objections.upholdTitle' : 'notice.objections.rejectTitle'),
      body: decision ? `${body} ${t(`notice.objections.upholdThen.${decision}`)}` : body,
      confirmLabel: t(decision === 'withdraw' ? 'notice.objections.upholdWithdraw' : upheld ? 'notice.objections.upholdDisqualify' : 'notice.objections.reject').replace('…', ''),
      cancelLabel: t('common.cancelAction'),
      danger: upheld,
      text: { label: t(upheld ? 'notice.objections.resolution' : 'notice.objections.reason'), required: true },
    });
    if (resolution === null) return;
    const done = await run(() => invoke('objection:resolve', { campaignId: campaign.id, objectionId: o.id, outcome, resolution, decision }));
    if (done) {
      replace(done);
      await onChanged();
    }
  }
  async function attach(o: ObjectionInfo, files: FileList | null) {
    const file = files?.[0];
    if (!file) return;
    const contentBase64 = await fileToBase64(file);
    const done = await run(() => invoke('objection:addFile', { campaignId: campaign.id, objectionId: o.id, file: { fileName: file.name, contentBase64 } }));
    if (done) replace(done);
  }
  async function open(fileId: number) {
    const file = await run(() => invoke('objection:saveFile', { campaignId: campaign.id, fileId }));
    if (file) deliver(file);
  }

  return (
    <section className="panel" data-testid="objections">
      <div className="section-head">
        <h3>{t('notice.objections.title')}</h3>
        {!adding && entries.length > 0 && (
          <button type="button" onClick={() => setAdding(true)} data-testid="objection-add">
            {t('notice.objections.add')}
          </button>
        )}
      </div>
      {adding && (
        <div className="objection-form" role="group" aria-label={t('notice.objections.add')} data-testid="objection-form">
          <label>
            {t('notice.objections.entry')}
            <select value={entryId ?? entries[0]?.entryId} onChange={(e) => setEntryId(Number(e.target.value))} data-testid="objection-entry">
              {entries.map((e) => (
                <option key={e.entryId} value={e.entryId}>
                  {e.regNo} {e.title}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('notice.objections.from')}
            <input value={from} onChange={(e) => setFrom(e.target.value)} data-testid="objection-from" />
          </label>
          <label>
            {t('notice.objections.receivedOn')}
            <input type="date" value={receivedOn} onChange={(e) => setReceivedOn(e.target.value)} data-testid="objection-received" />
          </label>
          <label className="wide">
            {t('notice.objections.text')}
            <textarea rows={3} value={text} onChange={(e) => setText(e.target.value)} data-testid="objection-text" />
          </label>
          <div className="actions">
            <button type="button" onClick={() => setAdding(false)}>
              {t('notice.objections.cancel')}
            </button>
            <button type="button" className="primary" disabled={!from.trim() || !text.trim()} onClick={() => void add()} data-testid="objection-save">
              {t('notice.objections.save')}
            </button>
          </div>
        </div>
      )}
      {objections.length === 0 && !adding && <p className="muted">{t('notice.objections.none')}</p>}
      <ul className="plain-list objection-list">
        {objections.map((o) => (
          <li key={o.id} data-testid="objection">
            <div>
              <span className={`badge objection-${o.status}`} data-testid="objection-status">
                {t(`notice.objections.status.${o.status}`)}
              </span>{' '}
              <span className="mono">{o.regNo}</span> {o.entryTitle}
            </div>
            <div className="small muted">{t('notice.objections.recorded', { day: o.receivedOn, from: o.from, name: o.recordedBy })}</div>
            <p className="objection-text">{o.text}</p>
            {o.files.length > 0 && (
              <div className="actions">
                {o.files.map((f) => (
                  <button key={f.id} type="button" className="link-like" onClick={() => void open(f.id)}>
                    {f.fileName}
                  </button>
                ))}
              </div>
            )}
            {o.status !== 'open' && (
              <p className="small" data-testid="objection-resolution">
                {t('notice.objections.resolvedBy', { status: t(`notice.objections.status.${o.status}`), name: o.resolvedBy ?? '', time: formatInstant(o.resolvedAt, tz), resolution: o.resolution ?? '' })}
                {o.decisionKind && ` ${t('notice.objections.decision', { kind: t(`notice.objections.decisionKind.${o.decisionKind}`) })}`}
              </p>
            )}
            <div className="actions">
              <label className="file-button">
                {t('notice.objections.attach')}
                <input type="file" className="visually-hidden" onChange={(e) => void attach(o, e.target.files)} data-testid="objection-attach" />
              </label>
              {o.status === 'open' && (
                <>
                  <button type="button" onClick={() => void resolve(o, 'upheld', 'disqualify')} data-testid="objection-uphold-disqualify">
                    {t('notice.objections.upholdDisqualify')}
                  </button>
                  <button type="button" onClick={() => void resolve(o, 'upheld', 'withdraw')} data-testid="objection-uphold-withdraw">
                    {t('notice.objections.upholdWithdraw')}
                  </button>
                  <button type="button" onClick={() => void resolve(o, 'rejected')} data-testid="objection-reject">
                    {t('notice.objections.reject')}
                  </button>
                </>
              )}
            </div>
          </li>
        ))}
      </ul>
      <ExportActions file={exported} testId="objection-export-actions" showWhere />
    </section>
  );
}
