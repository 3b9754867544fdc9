// The Setup tab: the coordinator edits the campaign's own programme — one section at a time
// (chosen on the left), with the save bar always in view. Everything edits one draft definition;
// saving sends it through campaign:updateDefinition, which checks it completely and either stores
// it as the next numbered version or refuses with a translated reason and stores nothing. The
// refusal's place is named in the editor's words and can be opened. A draft survives switching
// tabs; a saved definition starts a new draft.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignDefinition, CampaignDetail } from '../../../../src-main/contract';
import { ApiError, invoke } from '../../api';
import { useAppStore } from '../../stores/useAppStore';
import { useConfirmStore } from '../../stores/useConfirmStore';
import { AssignmentSection } from './AssignmentSection';
import { BasicsSection } from './BasicsSection';
import { CertificateKindsEditor } from './CertificateKindsEditor';
import { ContactNoticeSection } from './ContactNoticeSection';
import { NoticeFilesEditor } from './NoticeFilesEditor';
import type { SectionProps, Update } from './draft-ops';
import { EntryKindsEditor } from './EntryKindsEditor';
import { FieldsEditor } from './FieldsEditor';
import { coverage } from './list-feeds';
import { ListsEditor } from './ListsEditor';
import { MediaRulesEditor } from './MediaRulesEditor';
import { explainParams, type ProblemPlace, type SectionId } from './problem-place';
import { VersionsSection } from './VersionsSection';
import { NewVersionDialog, offerNewVersion } from './NewVersionDialog';

type Def = CampaignDefinition;

/** The part of the definition each section edits: a section with unsaved changes is marked. */
const SECTIONS: [SectionId, (d: Def) => unknown][] = [
  ['basics', (d) => [d.name, d.editionYear, d.organizers, d.opensAt, d.deadline, d.timeZone]],
  ['contact', (d) => [d.contact, d.notice]],
  ['kinds', (d) => d.entryKinds.map((k) => [k.kind, k.label, k.categories])],
  ['fields', (d) => d.entryKinds.map((k) => [k.fields, k.rules])],
  ['media', (d) => d.mediaRules],
  ['judging', (d) => [d.judgesPerEntry, d.blindReview, d.assignment]],
  ['lists', (d) => d.lists],
  ['certificates', (d) => d.certificates],
  ['versions', () => null],
];

/** Unsaved drafts by campaign, with the definition they started from (the view unmounts on a tab switch). */
const drafts = new Map<string, { base: string; draft: Def }>();

/** The draft as plain data: what is saved carries no editor marks. */
const plain = (def: Def): Def => JSON.parse(JSON.stringify(def)) as Def;

export function SetupView({ campaign, onSaved }: { campaign: CampaignDetail; onSaved(): void }) {
  const { t, i18n } = useTranslation();
  const { run, refreshCampaigns } = useAppStore();
  const error = useAppStore((s) => s.error);
  const ask = useConfirmStore((s) => s.ask);
  const original = campaign.definition;
  const baseJson = useMemo(() => JSON.stringify(original), [original]);
  const [base, setBase] = useState(baseJson);
  const [draft, setDraft] = useState<Def>(() => {
    const kept = drafts.get(campaign.id);
    return kept && kept.base === baseJson ? kept.draft : structuredClone(original);
  });
  if (base !== baseJson) {
    // A new version was saved (or the campaign reloaded): edit that from now on.
    setBase(baseJson);
    setDraft(structuredClone(original));
  }
  const [section, setSection] = useState<SectionId>('basics');
  const [listIndex, setListIndex] = useState(0);
  const [kindIndex, setKindIndex] = useState(0);
  const [reason, setReason] = useState('');
  const [saved, setSaved] = useState<number | null>(null);
  const [problem, setProblem] = useState<ProblemPlace | null>(null);
  const changed = JSON.stringify(draft) !== baseJson;

  useEffect(() => {
    if (changed) drafts.set(campaign.id, { base: baseJson, draft });
    else drafts.delete(campaign.id);
  }, [campaign.id, baseJson, draft, changed]);

  const update: Update = (change) => setDraft((d) => change(d));
  /** A refused save: its reason in the editor's words, and where to look (the error still goes to the banner). */
  const refused = (e: unknown): never => {
    if (!(e instanceof ApiError) || !e.code.startsWith('DEFINITION_')) throw e;
    const explained = explainParams(e.params, draft, t, i18n.language, original);
    setProblem(explained.place);
    throw new ApiError({ code: e.code, message: e.message, params: explained.params });
  };

  async function save(newVersion?: { statement: string }) {
    const result = await run(() => invoke('campaign:updateDefinition', { campaignId: campaign.id, definition: plain(draft), reason, newVersion }).catch(refused));
    // Refused for data a new version may set aside: offer that, with a statement, instead.
    if (!result) return void offerNewVersion(campaign.id, plain(draft), (statement) => void save({ statement }), refused);
    setSaved(result.version);
    setReason('');
    setProblem(null);
    await refreshCampaigns();
    onSaved();
  }

  async function discard() {
    if (!(await ask({ title: t('setup.discardTitle'), body: t('setup.discardBody'), confirmLabel: t('setup.revert'), cancelLabel: t('common.cancelAction'), danger: true }))) return;
    setDraft(structuredClone(original));
    setProblem(null);
  }

  const open = (next: SectionId) => {
    setSection(next);
    document.querySelector('.app-main')?.scrollTo(0, 0);
  };
  const showProblem = (place: ProblemPlace) => {
    if (place.listIndex !== undefined) setListIndex(place.listIndex);
    if (place.kindIndex !== undefined) setKindIndex(place.kindIndex);
    open(place.section);
    // An empty or malformed input there is most likely it: bring the first one into view.
    requestAnimationFrame(() => {
      const invalid = document.querySelector<HTMLElement>('.setup-content :invalid');
      invalid?.scrollIntoView({ block: 'center' });
      invalid?.focus();
    });
  };

  const props: SectionProps = { draft, original, update };
  const listsNeedAttention = (() => {
    const c = coverage(draft);
    return c.unfed.length > 0 || c.empty.length > 0 || draft.lists.some((l) => Math.abs(l.rubric.reduce((s, d) => s + d.weight, 0) - 1) > 1e-6);
  })();

  return (
    <div className="setup" data-testid="setup-view">
      <nav className="setup-nav" aria-label={t('campaign.tabs.setup')}>
        {SECTIONS.map(([id, slice]) => (
          <button key={id} type="button" className={id === section ? 'on' : ''} aria-current={id === section ? 'page' : undefined} onClick={() => open(id)} data-testid={`setup-nav-${id}`}>
            <span>{t(`setup.nav.${id}`)}</span>
            {id === 'lists' && listsNeedAttention && <span className="dot warn" title={t('setup.needsAttention')} />}
            {JSON.stringify(slice(draft)) !== JSON.stringify(slice(original)) && <span className="dot" title={t('setup.modified')} data-testid={`setup-nav-modified-${id}`} />}
          </button>
        ))}
      </nav>
      <div className="setup-main">
        <div className="setup-content" data-testid={`setup-section-${section}`}>
          {section === 'basics' && <BasicsSection {...props} />}
          {section === 'contact' && (
            <>
              <ContactNoticeSection {...props} />
              <NoticeFilesEditor campaign={campaign} />
            </>
          )}
          {section === 'kinds' && <EntryKindsEditor {...props} />}
          {section === 'fields' && <FieldsEditor {...props} kindIndex={kindIndex} onKind={setKindIndex} />}
          {section === 'media' && (
            <section className="panel" aria-labelledby="setup-media-title">
              <h2 id="setup-media-title">{t('setup.campaignMediaRules')}</h2>
              <p className="muted small">{t('setup.campaignMediaRulesHint')}</p>
              <MediaRulesEditor rules={draft.mediaRules} onChange={(mediaRules) => update((d) => ({ ...d, mediaRules }))} testId="setup-media-rules" />
            </section>
          )}
          {section === 'judging' && <AssignmentSection {...props} />}
          {section === 'lists' && <ListsEditor {...props} campaignId={campaign.id} listIndex={listIndex} onList={setListIndex} />}
          {section === 'certificates' && <CertificateKindsEditor {...props} />}
          {section === 'versions' && <VersionsSection campaign={campaign} savedVersion={saved} />}
        </div>

        <section className="setup-savebar" aria-label={t('setup.save')}>
          <div className="save-state">
            {changed ? (
              <span className="badge warn" data-testid="setup-unsaved">{t('setup.unsaved')}</span>
            ) : saved !== null ? (
              <span className="badge ok" data-testid="setup-saved">{t('setup.saved', { version: saved })}</span>
            ) : (
              <span className="muted small">{t('setup.noChanges')}</span>
            )}
            {problem && error && (
              <span className="problem-place" data-testid="setup-problem-place">
                {t('setup.problemAt', { place: problem.text })}{' '}
                <button type="button" className="link" onClick={() => showProblem(problem)} data-testid="setup-problem-show">
                  {t('setup.showProblem')}
                </button>
              </span>
            )}
          </div>
          <input className="reason-input" value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('setup.reasonHint')} aria-label={t('setup.reason')} title={t('setup.reason')} data-testid="setup-reason" />
          <button type="button" className="primary" disabled={!changed} onClick={() => void save()} data-testid="setup-save">
            {t('setup.save')}
          </button>
          <button type="button" disabled={!changed} onClick={() => void discard()} data-testid="setup-revert">
            {t('setup.revert')}
          </button>
        </section>
      </div>
      <NewVersionDialog />
    </div>
  );
}
