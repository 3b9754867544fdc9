// One autosaved comment textarea of the score panel. The panel has two: the committee comment
// (internal) and the comment for the entrant (feedback the coordinator may share in a result
// letter). Typing is debounced; leaving the field or the entry saves what is left unsaved, to the
// entry it was typed for (the panel is keyed by entry, so unmount means "leaving this entry").
import { useEffect, useRef, useState } from 'react';

const DEBOUNCE_MS = 600;

export function CommentBox(props: { label: string; hint?: string; initial: string; readOnly: boolean; testId: string; save: (body: string) => void }) {
  const [body, setBody] = useState(props.initial);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // `save` is fixed for the panel's life (it names this entry), so the first one is kept.
  const latest = useRef({ body: props.initial, saved: props.initial, save: props.save });

  function flush() {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const { body: now, saved } = latest.current;
    if (now === saved) return;
    latest.current.saved = now;
    latest.current.save(now);
  }

  // On unmount only; flush reads the latest text from a ref.
  useEffect(() => () => flush(), []);

  return (
    <label className="comment">
      <span>{props.label}</span>
      {props.hint && <span className="muted small">{props.hint}</span>}
      <textarea
        value={body}
        rows={3}
        readOnly={props.readOnly}
        data-testid={props.testId}
        onChange={(e) => {
          const next = e.target.value;
          setBody(next);
          latest.current.body = next;
          if (timer.current) clearTimeout(timer.current);
          timer.current = setTimeout(flush, DEBOUNCE_MS);
        }}
        onBlur={() => flush()}
      />
    </label>
  );
}
