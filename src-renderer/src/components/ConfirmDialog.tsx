// The one confirmation dialog of the app (see stores/useConfirmStore). Focus starts on "cancel" so
// a stray Enter never confirms; Escape cancels.
import { useEffect, useRef, useState } from 'react';
import { useConfirmStore } from '../stores/useConfirmStore';

export function ConfirmDialog() {
  const question = useConfirmStore((s) => s.question);
  const answer = useConfirmStore((s) => s.answer);
  const cancel = useRef<HTMLButtonElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  useEffect(() => {
    if (!question) return;
    setText('');
    if (question.text) input.current?.focus();
    else cancel.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        answer(null);
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [question, answer]);
  if (!question) return null;
  const typed = question.text?.secret ? text : text.trim();
  const accepted = question.text?.secret ? text.length > 0 : question.text?.mustMatch ? question.text.mustMatch.some((m) => m.trim() === typed) : !(question.text?.required && !typed);
  return (
    <div className="overlay" role="presentation">
      <div className="panel confirm-dialog" role="alertdialog" aria-modal="true" aria-labelledby="confirm-title" aria-describedby="confirm-body" data-testid="confirm-dialog">
        <h2 id="confirm-title">{question.title}</h2>
        <p id="confirm-body">{question.body}</p>
        {question.text && (
          <label className="confirm-text">
            <span>{question.text.label}</span>
            <input
              ref={input}
              type={question.text.secret ? 'password' : 'text'}
              autoComplete={question.text.secret ? 'current-password' : 'off'}
              value={text}
              onChange={(e) => setText(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && accepted) answer(typed);
              }}
              data-testid="confirm-text"
            />
          </label>
        )}
        <div className="confirm-actions">
          <button type="button" ref={cancel} onClick={() => answer(null)} data-testid="confirm-cancel">
            {question.cancelLabel}
          </button>
          <button
            type="button"
            className={question.danger ? 'danger' : 'primary'}
            disabled={!accepted}
            onClick={() => answer(typed)}
            data-testid="confirm-ok"
          >
            {question.confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
