// The entry panel's "Feedback for the entrant" section (coordinator, issue 19): each judge's
// comment for the entrant as "Judge A / B / C", a checkbox to share it in the result letter, an
// edited copy beside the judge's words (which stay as signed), and holding the entry's feedback
// back. Edits and holds ask why: the reason goes in the audit log.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignDetail, EntryFeedback, FeedbackComment } from '../../../src-main/contract';
import { invoke } from '../api';
import { formatInstant } from '../format';
import { useAppStore } from '../stores/useAppStore';
import { useConfirmStore } from '../stores/useConfirmStore';

export function EntryFeedbackReview({ campaign, entryId }: { campaign: CampaignDetail; entryId: number }) {
  const { t } = useTranslation();
  const run = useAppStore((s) => s.run);
  const askText = useConfirmStore((s) => s.askText);
  const [state, setState] = useState<EntryFeedback | null>(null);
  const ref = { campaignId: campaign.id, entryId };

  const load = useCallback(() => {
    void run(() => invoke('feedback:get', { campaignId: campaign.id, entryId })).then((f) => f && setState(f));
  }, [run, campaign.id, entryId]);
  useEffect(load, [load]);

  const askReason = (title: string) =>
    askText({ title, body: t('feedback.reasonBody'), confirmLabel: t('feedback.confirm'), cancelLabel: t('common.cancelAction'), text: { label: t('feedback.reason'), required: true } });

  const choose = async (c: FeedbackComment, change: { shared?: boolean; editedText?: string | null }) => {
    const editedText = change.editedText === undefined ? c.editedText : change.editedText;
    let reason = '';
    if (editedText !== c.editedText) {
      const answer = await askReason(t('feedback.askEdit', { label: c.label }));
      if (answer === null) return false;
      reason = answer;
    }
    const next = await run(() => invoke('feedback:choose', { ...ref, judgeId: c.judgeId, roundNo: c.roundNo, shared: change.shared ?? c.shared, editedText, reason }));
    if (next) setState(next);
    return !!next;
  };

  const hold = async (on: boolean) => {
    const reason = await askReason(t(on ? 'feedback.askHold' : 'feedback.askRelease'));
    if (reason === null) return;
    const next = await run(() => invoke('feedback:hold', { ...ref, hold: on, reason }));
    if (next) setState(next);
  };

  if (!state || state.comments.length === 0) return null;
  const readOnly = campaign.archived !== null;
  return (
    <section className="entry-feedback" data-testid="entry-feedback" aria-label={t('feedback.title')}>
      <h3>{t('feedback.title')}</h3>
      <p className="muted small">{t('feedback.explain')}</p>
      {state.held && (
        <p className="badge warn" data-testid="feedback-held">
          {t('feedback.held', { reason: state.held.reason, actor: state.held.actor === 'local' ? t('audit.thisComputer') : state.held.actor, at: formatInstant(state.held.at, campaign.timeZone) })}
        </p>
      )}
      <ul className="plain">
        {state.comments.map((c) => (
          <FeedbackItem key={`${c.judgeId}-${c.roundNo}`} comment={c} disabled={readOnly || state.held !== null} onChoose={(change) => choose(c, change)} />
        ))}
      </ul>
      {!readOnly && (
        <button type="button" className={state.held ? undefined : 'danger-outline'} data-testid={state.held ? 'feedback-release' : 'feedback-hold'} onClick={() => void hold(!state.held)}>
          {t(state.held ? 'feedback.release' : 'feedback.hold')}
        </button>
      )}
    </section>
  );
}

function FeedbackItem({ comment: c, disabled, onChoose }: { comment: FeedbackComment; disabled: boolean; onChoose(change: { shared?: boolean; editedText?: string | null }): Promise<boolean> }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(c.editedText ?? c.signedText);
  const testId = `feedback-${c.label}`;
  return (
    <li className="feedback-item" data-testid={testId}>
      <label className="feedback-share">
        <input type="checkbox" checked={c.shared} disabled={disabled} data-testid={`${testId}-share`} onChange={(e) => void onChoose({ shared: e.target.checked })} />
        <strong>{t('feedback.judge', { label: c.label })}</strong>
        {c.roundNo > 1 && <span className="muted small"> · {t('shortlist.round', { round: c.roundNo })}</span>}
        <span className="muted small"> · {t(c.shared ? 'feedback.shared' : 'feedback.notShared')}</span>
      </label>
      <blockquote className="feedback-signed" data-testid={`${testId}-signed`}>
        <span className="muted small">{t('feedback.signedText')}</span> {c.signedText}
      </blockquote>
      {c.editedText !== null && !editing && (
        <blockquote className="feedback-copy" data-testid={`${testId}-copy`}>
          <span className="muted small">{t('feedback.editedCopy')}</span> {c.editedText}
        </blockquote>
      )}
      {editing ? (
        <div className="feedback-edit">
          <textarea rows={3} value={draft} data-testid={`${testId}-draft`} onChange={(e) => setDraft(e.target.value)} />
          <button type="button" className="primary" data-testid={`${testId}-save-copy`} disabled={!draft.trim()} onClick={() => void onChoose({ editedText: draft.trim() }).then((done) => done && setEditing(false))}>
            {t('feedback.saveCopy')}
          </button>
          <button type="button" onClick={() => setEditing(false)}>
            {t('common.cancelAction')}
          </button>
        </div>
      ) : (
        !disabled && (
          <div className="feedback-buttons">
            <button type="button" data-testid={`${testId}-edit`} onClick={() => { setDraft(c.editedText ?? c.signedText); setEditing(true); }}>
              {t('feedback.editCopy')}
            </button>
            {c.editedText !== null && (
              <button type="button" data-testid={`${testId}-use-signed`} onClick={() => void onChoose({ editedText: null })}>
                {t('feedback.useSigned')}
              </button>
            )}
          </div>
        )
      )}
    </li>
  );
}
