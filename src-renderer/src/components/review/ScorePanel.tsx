// The right-hand panel: rubric scores with a live weighted total, a comment, the eligibility
// checklist (committee campaigns), conflict of interest and "mark complete". Every change is saved
// at once; the header says "saved" only after the database acknowledged it.
import { Fragment, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignDefinition, ReviewState } from '../../../../src-main/contract';
import { listFor, rubricOfRound } from '../../../../src-main/contract/lists';
import { invoke } from '../../api';
import { formatInstant, localized } from '../../format';
import { useReviewStore } from '../../stores/useReviewStore';
import { CommentBox } from './CommentBox';
import { ConflictBox } from './ConflictBox';
import { EligibilityChecklist } from './EligibilityChecklist';
import { ReachList } from '../ReachList';
import { SaveIndicator } from './SaveIndicator';
import { ScoreControl } from './ScoreControl';
import { isTextField, scoreKey, type LastDigit } from './scoreKeys';

export function ScorePanel({ review, definition, timeZone }: { review: ReviewState; definition: CampaignDefinition; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const commit = useReviewStore((s) => s.commit);
  const complete = useReviewStore((s) => s.complete);
  const [missingShown, setMissingShown] = useState(false);
  const entryId = review.entryId;
  // Values from the judge's signed bundle are shown, never edited here (only a newer bundle changes them).
  const signed = review.signed !== null;
  const frozen = review.status === 'conflict' || signed;
  // The entry's own list gives the dimensions and items it is judged on; a round with a rubric of
  // its own scores on that one (rubricOfRound), the eligibility items stay the list's.
  const ownList = listFor(definition, review.kind, review.category);
  const list = { ...ownList, rubric: rubricOfRound(ownList, review.round?.roundNo ?? 1) };
  // The dimension digits go to: the first on entering, then whichever the judge focused or clicked.
  const [currentDim, setCurrentDim] = useState<string | null>(list.rubric[0]?.key ?? null);
  // The dimension digits go to, changed at once on focus or click: a digit pressed before React has
  // re-rendered (a busy machine) must still score the dimension just focused, not the one before.
  const dimForKeys = useRef<string | null>(currentDim);
  const choose = (key: string) => {
    dimForKeys.current = key;
    setCurrentDim(key);
  };
  const lastDigit = useRef<LastDigit | null>(null);
  const keyState = useRef({ review, frozen });
  keyState.current = { review, frozen };

  // Digits score the current dimension wherever the focus is, except in a text field or behind a
  // dialog. Keys a focused control already handled (eligibility y/n/u, the preview's keys) arrive
  // with defaultPrevented and are left alone.
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.isComposing) return;
      const target = e.target instanceof HTMLElement ? e.target : null;
      if (isTextField(target) || document.querySelector('[aria-modal="true"]')) return;
      const { review: r, frozen: locked } = keyState.current;
      const key = dimForKeys.current;
      const dimension = list.rubric.find((d) => d.key === key);
      if (!dimension) return;
      // Arrows and Backspace only from the score panel or the bare page: elsewhere they belong to
      // the focused control (a video's seek bar, a list).
      const navigation = !target || target === document.body || !!target.closest('.score-panel');
      const result = scoreKey(e.key, dimension.key, dimension.scale, r.scores[dimension.key]?.value ?? null, lastDigit.current, Date.now(), navigation);
      if (result.kind === 'ignore') return;
      e.preventDefault();
      if (locked) return;
      if (result.lastDigit) lastDigit.current = result.lastDigit;
      if (result.kind === 'set') score(dimension.key, result.value);
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []); // eslint-disable-line react-hooks/exhaustive-deps -- reads the latest review through keyState; the panel is keyed by entry


  function score(dimension: string, value: number | null) {
    setMissingShown(false);
    void commit(
      (ref) => invoke('review:score', { ...ref, dimension, value }),
      (r) => {
        const scores = { ...r.scores };
        if (value === null) delete scores[dimension];
        else scores[dimension] = { value, updatedAt: new Date().toISOString() };
        return { ...r, scores };
      },
    );
  }

  const labelOf = (key: string) => {
    const dim = list.rubric.find((d) => d.key === key);
    if (dim) return localized(dim.label, i18n.language);
    const item = list.eligibility.find((e) => `eligibility.${e.key}` === key);
    return item ? localized(item.label, i18n.language) : key;
  };

  return (
    <aside className="score-panel" aria-label={t('review.scoring')} data-testid="score-panel">
      <div className="score-panel-head">
        <div>
          <div className="muted small">{t('review.total')}</div>
          <div className="total" data-testid="review-total">
            {review.total === null ? '–' : review.total.toFixed(2)}
            <span className="muted small">
              {' '}
              {t('review.scoredOf', { scored: list.rubric.length - review.missing.filter((m) => !m.startsWith('eligibility.')).length, total: list.rubric.length })}
            </span>
          </div>
        </div>
        {/* A signed entry is read-only: the last save (of another entry) is not this one's state. */}
        {signed ? (
          <span className="save-indicator muted" data-testid="read-only-indicator">
            {t('review.readOnlySigned')}
          </span>
        ) : (
          <SaveIndicator />
        )}
      </div>
      {review.signed && (
        <p className="signed-note" data-testid="signed-note">
          {t('review.signed.note', { revision: review.signed.revision, receivedAt: formatInstant(review.signed.receivedAt, timeZone) })}
        </p>
      )}
      {review.status === 'conflict' && review.conflict && <p className="badge warn conflict-note">{t('review.conflictDeclared', { reason: review.conflict.reason })}</p>}
      <div className="score-list">
        {list.rubric.map((d) => (
          <Fragment key={d.key}>
          <ScoreControl
            dimension={d}
            value={review.scores[d.key]?.value ?? null}
            disabled={frozen}
            current={d.key === currentDim}
            onActivate={() => choose(d.key)}
            onChange={(v) => {
              choose(d.key);
              score(d.key, v);
            }}
          />
          {d.showsReach && <ReachList figures={review.reach} title={t('reach.besideDimension', { dimension: localized(d.label, i18n.language) })} testId="review-reach" />}
          </Fragment>
        ))}
        {/* No dimension asks for them: still shown, after the rubric, so they are never hidden. */}
        {!list.rubric.some((d) => d.showsReach) && <ReachList figures={review.reach} title={t('reach.entryTitle')} testId="review-reach" />}
      </div>
      {list.eligibility.length > 0 && (
        <EligibilityChecklist
          items={list.eligibility}
          review={review}
          disabled={frozen}
          onAnswer={(item, answer, note) =>
            void commit(
              (ref) => invoke('review:eligibility', { ...ref, item, answer, note }),
              (r) => {
                const eligibility = { ...r.eligibility };
                if (answer === null) delete eligibility[item];
                else eligibility[item] = { answer, note };
                return { ...r, eligibility };
              },
            )
          }
        />
      )}
      <CommentBox
        label={t('review.commentInternal')}
        hint={t('review.commentInternalHint')}
        initial={review.comment}
        readOnly={signed}
        testId="review-comment"
        save={(body) => void commit((ref) => invoke('review:comment', { ...ref, body }), (r) => ({ ...r, comment: body }), entryId)}
      />
      <CommentBox
        label={t('review.commentEntrant')}
        hint={t('review.commentEntrantHint')}
        initial={review.entrantComment}
        readOnly={signed}
        testId="review-entrant-comment"
        save={(body) => void commit((ref) => invoke('review:entrantComment', { ...ref, body }), (r) => ({ ...r, entrantComment: body }), entryId)}
      />
      <div className="complete-row">
        {signed ? (
          <span className="muted small" data-testid="signed-status">
            {review.status === 'complete' ? `✓ ${t('review.completed')}` : review.status === 'conflict' ? t('review.status.conflict') : t('review.status.in_progress')}
          </span>
        ) : review.status === 'complete' ? (
          <button type="button" onClick={() => void commit((ref) => invoke('review:complete', { ...ref, complete: false }))} data-testid="reopen">
            ✓ {t('review.completed')} · {t('review.reopen')}
          </button>
        ) : (
          <button
            type="button"
            className="primary"
            disabled={frozen}
            data-testid="mark-complete"
            onClick={() => {
              // Waits for the scores just typed to be acknowledged before judging what is missing.
              void complete().then((done) => setMissingShown(!done));
            }}
          >
            {t('review.markComplete')} <kbd>c</kbd>
          </button>
        )}
        {!signed && <ConflictBox review={review} />}
      </div>
      {missingShown && review.missing.length > 0 && (
        <p className="missing" role="alert" data-testid="missing">
          {t('review.missing', { list: review.missing.map(labelOf).join(i18n.language === 'zh-CN' ? '、' : ', ') })}
        </p>
      )}
    </aside>
  );
}
