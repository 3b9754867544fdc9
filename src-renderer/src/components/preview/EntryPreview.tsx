// The preview pane of the judge workspace: what the judge is scoring, shown by entry kind. Works
// lead with their media; accounts with platform, account and link; applicants with their form.
// Everything is offline: media come from the local shell (mediaUrl), links are text, HTML is shown
// sanitised in a sandbox. Viewers answer a few keys (see keys.ts) that the score panel leaves free.
import { useLayoutEffect, useRef, type JSX } from 'react';
import type { CampaignDefinition, EntryKindDef, ReviewState } from '../../../../src-main/contract';
import { AccountView } from './AccountView';
import { ApplicantView } from './ApplicantView';
import { EntryHeader } from './EntryHeader';
import { FieldList } from './FieldList';
import { MediaArea } from './MediaArea';
import './preview.css';

export function EntryPreview(props: { state: ReviewState; definition: CampaignDefinition }): JSX.Element {
  const { state, definition } = props;
  const kindDef = definition.entryKinds.find((k) => k.kind === state.kind);
  const rootRef = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (rootRef.current) rootRef.current.scrollTop = 0;
  }, [state.entryId]);
  return (
    <div ref={rootRef} className="pv" data-testid="entry-preview" data-kind={state.kind}>
      <EntryHeader state={state} kindDef={kindDef} />
      {/* Keyed by entry: the next entry starts at page 1, time 0, its first file. */}
      <KindBody key={state.entryId} state={state} kindDef={kindDef} />
    </div>
  );
}

function KindBody({ state, kindDef }: { state: ReviewState; kindDef: EntryKindDef | undefined }): JSX.Element {
  switch (state.kind) {
    case 'work':
    case 'brand':
      return (
        <>
          <FieldList fields={state.fields} kindDef={kindDef} omit={['title', 'reason']} />
          <MediaArea assets={state.assets} kind={state.kind} category={state.category} />
        </>
      );
    case 'account':
      return <AccountView state={state} kindDef={kindDef} />;
    case 'applicant':
      return <ApplicantView state={state} kindDef={kindDef} />;
    case 'individual':
      return (
        <>
          <FieldList fields={state.fields} kindDef={kindDef} omit={['reason']} />
          <MediaArea assets={state.assets} kind={state.kind} category={state.category} />
        </>
      );
    default: {
      const never: never = state.kind;
      throw new Error(`preview: unknown entry kind ${String(never)}`);
    }
  }
}
