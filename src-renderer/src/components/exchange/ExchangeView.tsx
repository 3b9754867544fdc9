// The coordinator's side of the exchange for one campaign: judges and their keys, assignment with
// load and coverage, one signed review package per judge, and merging the bundles that come back.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignDetail, Judge, ResponseOf } from '../../../../src-main/contract';
import { deliverPackage, invoke } from '../../api';
import type { DeliveredExport } from '../../hooks/useDeliveredExport';
import { ExportActions } from '../ExportActions';
import { fileToBase64 } from '../../files';
import { useAppStore } from '../../stores/useAppStore';
import { useConfirmStore } from '../../stores/useConfirmStore';
import { EmptyState } from '../EmptyState';
import { AssignmentMatrixPanel } from './AssignmentMatrixPanel';
import { exportPackageAsking } from './export-package';
import { JudgeRosterForm } from './JudgeRosterForm';
import { MergePanel } from './MergePanel';
import { NeedsReassignment } from './NeedsReassignment';
import { ProgressPanel } from '../progress/ProgressPanel';
import { invalidateCampaign } from '../../queries';

type Coverage = ResponseOf<'assignment:coverage'>;

export function ExchangeView({ campaign, onOpenEntry }: { campaign: CampaignDetail; onOpenEntry?: (entryId: number) => void }) {
  const { t } = useTranslation();
  const run = useAppStore((s) => s.run);
  const ask = useConfirmStore((s) => s.ask);

  const [judges, setJudges] = useState<Judge[]>([]);
  const [keys, setKeys] = useState<Record<string, string | null>>({});
  const [coverage, setCoverage] = useState<Coverage | null>(null);
  const [attachTo, setAttachTo] = useState('');
  // Start from the programme's own rules (Setup › Judging); the coordinator may still change them for this run.
  const rules = campaign.definition.assignment;
  const [matching, setMatching] = useState(rules.matchSpeciality);
  const [excludeOwn, setExcludeOwn] = useState(rules.excludeOwnInstitution);
  useEffect(() => {
    setMatching(rules.matchSpeciality);
    setExcludeOwn(rules.excludeOwnInstitution);
  }, [rules.matchSpeciality, rules.excludeOwnInstitution]);
  const [withMedia, setWithMedia] = useState(true);
  /** PACKAGE_OVER_4GIB asks first: without media, or written anyway (export-package.ts). */
  const exportPackage = (judgeId: string) => exportPackageAsking({ campaignId: campaign.id, judgeId, withMedia }, ask, t);
  const [notice, setNotice] = useState<string | null>(null);
  // After a package export: Save as… / Show in folder for that file (ExportActions), kept with the
  // notice it belongs to, so another notice never shows the buttons.
  const [packageExport, setPackageExport] = useState<{ notice: string; file: DeliveredExport } | null>(null);
  // The roster form: 'new' adds a judge, a judge edits that judge, null: closed.
  const [editing, setEditing] = useState<Judge | 'new' | null>(null);

  async function refresh() {
    const list = await run(() => invoke('judge:list', { campaignId: campaign.id }));
    if (list) setJudges(list.judges);
    const cov = await run(() => invoke('assignment:coverage', { campaignId: campaign.id }));
    if (cov) setCoverage(cov);
    // The progress board reads through the query cache: a merge, a package or an assignment changes it.
    void invalidateCampaign(campaign.id);
  }
  useEffect(() => {
    void refresh();
  }, [campaign.id]); // eslint-disable-line react-hooks/exhaustive-deps -- once per campaign; refresh is a new function every render

  async function importCard(file: File | undefined) {
    if (!file) return;
    const card = { fileName: file.name, contentBase64: await fileToBase64(file) };
    const judge = await run(() => invoke('judge:registerKeyCard', { campaignId: campaign.id, card, ...(attachTo ? { attachTo } : {}) }));
    if (judge) {
      setKeys((k) => ({ ...k, [judge.judgeId]: judge.fingerprint }));
      setNotice(t('exchange.registered', { name: judge.name, fingerprint: judge.fingerprint }));
      await refresh();
    }
  }

  return (
    <div className="exchange-view" data-testid="exchange-view">
      {Object.values(campaign.counts.byKind).reduce((n, c) => n + c, 0) === 0 && (
        <EmptyState testId="empty-exchange" text={t('empty.exchange.text')} actionLabel={t('empty.exchange.action')} tab="import" />
      )}
      <section className="panel">
        <div className="section-head">
          <h2>{t('exchange.judges')}</h2>
          {!campaign.openedPackage && (
            <button type="button" onClick={() => setEditing('new')} disabled={editing !== null} data-testid="roster-add">
              {t('exchange.roster.addJudge')}
            </button>
          )}
        </div>
        {editing !== null && (
          <JudgeRosterForm
            key={editing === 'new' ? 'new' : editing.id}
            campaign={campaign}
            judge={editing === 'new' ? null : editing}
            onDone={(saved) => {
              setEditing(null);
              if (saved) {
                setNotice(t(editing === 'new' ? 'exchange.roster.added' : 'exchange.roster.saved', { name: saved.name }));
                void refresh();
              }
            }}
          />
        )}
        <div className="row">
          <label>
            {t('exchange.attachTo')}{' '}
            <select value={attachTo} onChange={(e) => setAttachTo(e.target.value)} data-testid="attach-to">
              <option value="">{t('exchange.newJudge')}</option>
              {judges.map((j) => (
                <option key={j.id} value={j.id}>
                  {j.name}
                </option>
              ))}
            </select>
          </label>
          <label className="file-button">
            {t('exchange.importCard')}
            <input type="file" className="visually-hidden" accept=".kepukey,application/json" data-testid="keycard-file" onChange={(e) => void importCard(e.target.files?.[0])} />
          </label>
        </div>
        {notice && (
          <p className="muted small">
            <span data-testid="exchange-notice">{notice}</span>
          </p>
        )}
        {packageExport?.notice === notice && <ExportActions file={packageExport.file} testId="package-export-actions" />}
        <table className="data-table compact" data-testid="judge-table">
          <thead>
            <tr>
              <th>{t('review.judgeName')}</th>
              <th>{t('review.judgeInstitution')}</th>
              <th>{t('exchange.roster.contact')}</th>
              <th>{t('exchange.roster.conflicts')}</th>
              <th>{t('exchange.key')}</th>
              <th className="num">{t('exchange.assignedHeader')}</th>
              <th>{t('exchange.package')}</th>
            </tr>
          </thead>
          <tbody>
            {judges.map((j) => (
              <tr key={j.id} data-testid={`judge-row-${j.name}`}>
                <td>
                  {j.name}{' '}
                  {!campaign.openedPackage && (
                    <button type="button" className="link small" onClick={() => setEditing(j)} disabled={editing !== null} data-testid={`roster-edit-${j.name}`}>
                      {t('exchange.roster.edit')}
                    </button>
                  )}
                </td>
                <td>
                  {j.institution ?? '—'}
                  {j.specialities.length > 0 && <div className="muted small">{j.specialities.join(', ')}</div>}
                </td>
                <td className="small" data-testid="judge-contact">{j.contact ?? '—'}</td>
                <td className="small" data-testid="judge-conflicts">
                  {j.conflicts.institutions.length + j.conflicts.entries.length === 0
                    ? '—'
                    : [...j.conflicts.institutions, ...j.conflicts.entries.map((e) => (e.reason ? `${e.regNo} (${e.reason})` : e.regNo))].join(t('common.listSeparator'))}
                </td>
                <td className={`small ${(keys[j.id] ?? j.fingerprint) ? 'mono' : ''}`} data-testid="judge-fingerprint">
                  {(keys[j.id] ?? j.fingerprint) || (
                    // Added on the roster, waiting for the judge's key card (attached with "Key card belongs to").
                    <span className="badge warn" data-testid="no-key-card">
                      {t('exchange.roster.noKeyCard')}
                    </span>
                  )}
                </td>
                <td className="num" data-testid="judge-assigned">{j.assigned}</td>
                <td>
                  <button
                    type="button"
                    disabled={j.assigned === 0}
                    data-testid={`export-package-${j.name}`}
                    onClick={async () => {
                      const pkg = await run(() => exportPackage(j.id));
                      if (!pkg) return;
                      const saved = t('exchange.packageSaved', { name: j.name, entries: pkg.entries, file: pkg.file });
                      setNotice(saved);
                      deliverPackage(pkg.file);
                      setPackageExport({ notice: saved, file: { fileName: pkg.file.split(/[\\/]/).pop() ?? pkg.file, savedTo: pkg.file } });
                    }}
                  >
                    {t('exchange.exportPackage')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <label className="checkbox small">
          <input type="checkbox" checked={withMedia} onChange={(e) => setWithMedia(e.target.checked)} />
          {t('exchange.withMedia')}
        </label>
      </section>

      <section className="panel" data-testid="assignment-panel">
        <div className="section-head">
          <h2>{t('exchange.assignment')}</h2>
          <div className="row">
            <label className="checkbox" title={t('exchange.rulesFromProgramme')}>
              <input type="checkbox" checked={matching} onChange={(e) => setMatching(e.target.checked)} data-testid="category-matching" />
              {t('exchange.categoryMatching')}
            </label>
            <label className="checkbox" title={t('exchange.rulesFromProgramme')}>
              <input type="checkbox" checked={excludeOwn} onChange={(e) => setExcludeOwn(e.target.checked)} data-testid="exclude-own-institution" />
              {t('exchange.excludeOwnInstitution')}
            </label>
            <button
              type="button"
              className="primary"
              data-testid="run-assignment"
              onClick={async () => {
                const r = await run(() => invoke('assignment:run', { campaignId: campaign.id, categoryMatching: matching, excludeOwnInstitution: excludeOwn }));
                if (r) setNotice(t('exchange.assigned', { count: r.added }) + (r.shortfalls.length ? ` · ${t('exchange.shortfalls', { count: r.shortfalls.length })}` : ''));
                await refresh();
              }}
            >
              {t('exchange.runAssignment', { k: campaign.definition.judgesPerEntry })}
            </button>
          </div>
        </div>
        {judges.length === 0 && <EmptyState testId="empty-assignment" text={t('empty.assignment.text')} actionLabel={t('empty.assignment.action')} tab="review" />}
        {judges.length > 0 && judges.length < campaign.definition.judgesPerEntry && (
          // With fewer judges than each entry needs, every entry stays short of judges: said before
          // the run, with where the number is set (a blank programme starts at 3).
          <p className="hint warn" role="note" data-testid="assignment-too-few-judges">
            {t('exchange.tooFewJudges', {
              count: judges.length,
              k: campaign.definition.judgesPerEntry,
              place: `${t('campaign.tabs.setup')} › ${t('setup.nav.judging')}`,
            })}
          </p>
        )}
        {coverage && (
          <ul className="stat-row">
            <li className="stat">
              <span className="stat-value">{coverage.totals.covered}</span>
              <span className="stat-label">{t('exchange.covered', { k: coverage.perEntry })}</span>
            </li>
            <li className={`stat ${coverage.totals.partial ? 'warn' : ''}`}>
              <span className="stat-value">{coverage.totals.partial}</span>
              <span className="stat-label">{t('exchange.partial')}</span>
            </li>
            <li className={`stat ${coverage.totals.unassigned ? 'bad' : ''}`}>
              <span className="stat-value" data-testid="unassigned-count">{coverage.totals.unassigned}</span>
              <span className="stat-label">{t('exchange.unassigned')}</span>
            </li>
            <li className="stat">
              <span className="stat-value">
                {coverage.totals.minLoad}–{coverage.totals.maxLoad}
              </span>
              <span className="stat-label">{t('exchange.load')}</span>
            </li>
          </ul>
        )}
        {coverage && (
          <NeedsReassignment
            campaignId={campaign.id}
            coverage={coverage}
            rules={{ categoryMatching: matching, excludeOwnInstitution: excludeOwn }}
            onOpenEntry={onOpenEntry}
            onDone={(text) => {
              setNotice(text);
              void refresh();
            }}
          />
        )}
      </section>

      <AssignmentMatrixPanel campaign={campaign} onChanged={() => void refresh()} />
      <MergePanel campaign={campaign} onMerged={() => void refresh()} />
      <ProgressPanel campaign={campaign} />
    </div>
  );
}
