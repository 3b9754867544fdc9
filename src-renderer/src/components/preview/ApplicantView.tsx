// A committee applicant (委员申报人): the application form with the campaign's own labels, the
// partner-platform account and published work that prove identity (as text), then certificate
// scans, videos and articles in their viewers.
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntryKindDef, ReviewState } from '../../../../src-main/contract';
import { FieldList } from './FieldList';
import { MediaArea } from './MediaArea';

/** Fields that verify the applicant's popularization work: platforms, links, publication. */
function identityKeys(fields: Record<string, string>, kindDef: EntryKindDef | undefined): string[] {
  const keys = new Set([...(kindDef?.fields.map((d) => d.key) ?? []), ...Object.keys(fields)]);
  return [...keys].filter(
    (k) => /platform|^published|_link$|^link$|url/.test(k) || kindDef?.fields.find((d) => d.key === k)?.type === 'url',
  );
}

export function ApplicantView({ state, kindDef }: { state: ReviewState; kindDef: EntryKindDef | undefined }): JSX.Element {
  const { t } = useTranslation();
  const identity = identityKeys(state.fields, kindDef);
  const others = Object.keys(state.fields).filter((k) => !identity.includes(k));
  const hasIdentity = identity.some((k) => (state.fields[k] ?? '').trim() !== '');
  return (
    <>
      <FieldList fields={state.fields} kindDef={kindDef} omit={[...identity, 'reason']} />
      {hasIdentity && (
        <section className="pv-card" aria-label={t('preview.publishedWork')} data-testid="applicant-published">
          <h3 className="pv-card-title">{t('preview.publishedWork')}</h3>
          <FieldList fields={state.fields} kindDef={kindDef} omit={[...others, 'reason']} className="single" />
        </section>
      )}
      <MediaArea assets={state.assets} kind={state.kind} category={state.category} />
    </>
  );
}
