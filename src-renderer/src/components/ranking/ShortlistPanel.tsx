// The shortlist between rounds (入围名单) of one list, in the Ranking tab: the rule (prefilled from
// the made shortlist, else the programme's rule for the round), a preview that shows each
// category's cut line and tie note before anything is saved, making (again) a stored version, and
// the result per category with in / out and why; entries are added or removed by hand with a
// reason asked in the app's own dialog. The core decides everything (core/shortlist); this only
// shows it and asks.
import { useCallback, useEffect, useState } from 'react';
import { withHeldOpenNote } from '../../held-open';
import { useTranslation } from 'react-i18next';
import type { CampaignDetail, ShortlistCategoryView, ShortlistLine, ShortlistRule, ShortlistView } from '../../../../src-main/contract';
import { roundsOf } from '../../../../src-main/contract/lists';
import { invoke } from '../../api';
import { useDeliveredExport } from '../../hooks/useDeliveredExport';
import { ExportActions } from '../ExportActions';
import { formatInstant, localized } from '../../format';
import { useAppStore } from '../../stores/useAppStore';
import { useConfirmStore } from '../../stores/useConfirmStore';
import { score } from './rankingText';

type By = ShortlistRule['by'];

export function ShortlistPanel({ campaign, listKey, computedAt }: { campaign: CampaignDetail; listKey: string; computedAt: string }) {
  const { t, i18n } = useTranslation();
  const [exportedFile, deliver] = useDeliveredExport();
  const run = useAppStore((s) => s.run);
  const ask = useConfirmStore((s) => s.ask);
  const askText = useConfirmStore((s) => s.askText);
  const list = campaign.definition.lists.find((l) => l.key === listKey);
  const scoringRounds = list ? roundsOf(list).filter((r) => r.kind === 'scoring') : [];
  const [roundNo, setRoundNo] = useState(1);
  const [view, setView] = useState<ShortlistView | null>(null);
  const [preview, setPreview] = useState<ShortlistView | null>(null);
  const [by, setBy] = useState<By>('percent');
  const [value, setValue] = useState('');
  const [exported, setExported] = useState<string | null>(null);
  const key = { campaignId: campaign.id, listKey, roundNo };

  const load = useCallback(async () => {
    const v = await run(() => invoke('shortlist:get', { campaignId: campaign.id, listKey, roundNo }));
    if (!v) return;
    setView(v);
    const rule = v.made?.rule ?? v.definedRule;
    if (rule) {
      setBy(rule.by);
      setValue(String(rule.value));
    }
  }, [run, campaign.id, listKey, roundNo]);
  useEffect(() => {
    setPreview(null);
    void load();
  }, [load, computedAt]);

  if (!list || !view) return null;
  const rule: ShortlistRule | null = Number(value) > 0 ? { by, value: Number(value) } : null;
  const ruleText = (r: ShortlistRule) => t(`shortlist.rule.${r.by}`, { value: r.value });
  const who = (name: string) => (name === 'local' ? t('audit.thisComputer') : name);

  async function showPreview() {
    if (!rule) return;
    const v = await run(() => invoke('shortlist:preview', { ...key, rule }));
    if (v) setPreview(v);
  }

  /** Levels: the made shortlist as a signed file for the next level (e.g. the national final). */
  async function exportFile() {
    const file = await run(() => invoke('shortlist:exportFile', key));
    if (!file) return;
    deliver(file);
    setExported(withHeldOpenNote(t, file, t('shortlistFile.exported', { count: file.entries, file: file.savedTo })));
  }

  async function make() {
    if (!rule || !view) return;
    if (view.made) {
      const sure = await ask({ title: t('shortlist.remake'), body: t('shortlist.remakeConfirm'), confirmLabel: t('shortlist.remake'), cancelLabel: t('common.cancelAction') });
      if (!sure) return;
    }
    const v = await run(() => invoke('shortlist:make', { ...key, rule }));
    if (!v) return;
    setPreview(null);
    setView(v);
  }

  async function adjust(line: ShortlistLine, action: 'add' | 'remove') {
    const reason = await askText({
      title: t(action === 'add' ? 'shortlist.addTitle' : 'shortlist.removeTitle', { regNo: line.regNo }),
      body: line.title,
      text: { label: t('shortlist.reasonLabel'), required: true },
      confirmLabel: t(action === 'add' ? 'shortlist.add' : 'shortlist.remove'),
      cancelLabel: t('common.cancelAction'),
    });
    if (reason === null) return;
    const v = await run(() => invoke('shortlist:adjust', { ...key, entryId: line.entryId, action, reason }));
    if (v) setView(v);
  }

  function whyText(l: ShortlistLine): string {
    if (l.why === 'held') return t('shortlist.why.held', { flags: l.flags.map((f) => t(`shortlist.flags.${f}`)).join(t('meta.language') === 'zh-CN' ? '、' : ', ') });
    if (l.why === 'added' || l.why === 'removed') return t(`shortlist.why.${l.why}`, { by: who(l.adjustment?.by ?? ''), reason: l.adjustment?.reason ?? '' });
    return t(`shortlist.why.${l.why}`);
  }

  function cutText(c: ShortlistCategoryView, r: ShortlistRule): string {
    if (c.cutTotal === null) return t('shortlist.cutNone');
    if (r.by === 'threshold') return t('shortlist.cutThreshold', { value: r.value, total: score(c.cutTotal) });
    return t('shortlist.cutLine', { cut: c.cut, total: score(c.cutTotal) });
  }

  const shown = preview ?? view;
  const editable = preview === null && view.made !== null;
  const category = (c: ShortlistCategoryView, r: ShortlistRule) => {
    // The cut line is drawn below the last entry the rule took (a tie at the cut included; an entry
    // removed by hand was taken by the rule, so it counts; ranked lines come first, in order).
    const cutAfter = c.lines.reduce((at, l, i) => (l.why === 'rule' || l.why === 'tie' || l.why === 'removed' ? i : at), -1);
    return (
      <div key={`${c.kind}-${c.category}`} className="shortlist-category" data-testid={`shortlist-category-${c.kind}-${c.category ?? ''}`}>
        <h4>
          {localized(c.label, i18n.language)} <span className="muted small">{t('shortlist.categoryCounts', { in: c.inCount, ranked: c.ranked, held: c.held })}</span>
        </h4>
        <p className="small">
          {cutText(c, r)}
          {c.addedByTie > 0 && <strong className="tie-note" data-testid="shortlist-tie-note"> · {t('shortlist.tieNote', { count: c.addedByTie })}</strong>}
        </p>
        <table className="data-table compact shortlist-table">
          <thead>
            <tr>
              <th>{t('shortlist.columns.in')}</th>
              <th className="num">{t('shortlist.columns.place')}</th>
              <th>{t('shortlist.columns.regNo')}</th>
              <th>{t('shortlist.columns.title')}</th>
              <th className="num">{t('shortlist.columns.total')}</th>
              <th>{t('shortlist.columns.why')}</th>
              {editable && <th>{t('shortlist.columns.action')}</th>}
            </tr>
          </thead>
          <tbody>
            {c.lines.map((l, i) => (
              <tr key={l.entryId} className={`${l.in ? 'shortlist-in' : 'shortlist-out'}${i === cutAfter ? ' cut-after' : ''}`} data-testid={`shortlist-row-${l.regNo}`} data-in={l.in ? 'yes' : 'no'}>
                <td>{l.in ? `✓ ${t('shortlist.yes')}` : t('shortlist.no')}</td>
                <td className="num">{l.place ?? '—'}</td>
                <td className="mono">{l.regNo}</td>
                <td>{l.title}</td>
                <td className="num">{score(l.total)}</td>
                <td className="small">{whyText(l)}</td>
                {editable && (
                  <td>
                    {l.in ? (
                      <button type="button" className="small" onClick={() => void adjust(l, 'remove')} data-testid={`shortlist-remove-${l.regNo}`}>{t('shortlist.remove')}</button>
                    ) : (
                      <button type="button" className="small" onClick={() => void adjust(l, 'add')} data-testid={`shortlist-add-${l.regNo}`}>{t('shortlist.add')}</button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  };

  return (
    <section className="panel shortlist-panel" data-testid={`shortlist-panel-${listKey}`}>
      <div className="section-head">
        <h2>
          {t('shortlist.title')}
          {campaign.definition.lists.length > 1 && <span className="muted"> · {localized(list.name, i18n.language)}</span>}
        </h2>
        {scoringRounds.length > 1 && (
          <select value={roundNo} onChange={(e) => setRoundNo(Number(e.target.value))} data-testid="shortlist-round" aria-label={t('shortlist.round', { round: roundNo })}>
            {scoringRounds.map((r, i) => (
              <option key={r.key} value={i + 1}>{`${t('shortlist.round', { round: i + 1 })} · ${localized(r.name, i18n.language)}`}</option>
            ))}
          </select>
        )}
      </div>
      <p className="small muted">{t('shortlist.help')}</p>
      <div className="actions shortlist-rule">
        <label className="inline-label">
          {t('shortlist.ruleBy')}{' '}
          <select value={by} onChange={(e) => setBy(e.target.value as By)} data-testid="shortlist-by">
            {(['top', 'percent', 'threshold'] as const).map((b) => (
              <option key={b} value={b}>{t(`shortlist.by.${b}`)}</option>
            ))}
          </select>
        </label>
        <label className="inline-label">
          {t('shortlist.ruleValue')}{' '}
          <input type="number" min={0} step={by === 'top' ? 1 : 'any'} value={value} onChange={(e) => setValue(e.target.value)} className="shortlist-value" data-testid="shortlist-value" />
        </label>
        <button type="button" disabled={!rule} onClick={() => void showPreview()} data-testid="shortlist-preview">{t('shortlist.preview')}</button>
        <button type="button" className="primary" disabled={!rule} onClick={() => void make()} data-testid="shortlist-make">{view.made ? t('shortlist.remake') : t('shortlist.make')}</button>
      </div>
      <p className="small muted">
        {view.definedRule ? t('shortlist.definedRule', { rule: ruleText(view.definedRule) }) : t('shortlist.noDefinedRule')}
        {by === 'percent' && <> {t('shortlist.percentNote')}</>}
      </p>
      {preview && <p className="shortlist-preview-title" data-testid="shortlist-preview-title"><strong>{t('shortlist.previewTitle')}</strong> — {ruleText(preview.made!.rule)}</p>}
      {!preview && !view.made && <p className="muted" data-testid="shortlist-not-made">{t('shortlist.notMade')}</p>}
      {!preview && view.made && (
        <p className="small" data-testid="shortlist-made">
          {t('shortlist.made', { version: view.made.version, rule: ruleText(view.made.rule), by: who(view.made.by), at: formatInstant(view.made.at, campaign.definition.timeZone) })}{' '}
          <button type="button" className="small" onClick={() => void exportFile()} data-testid="shortlist-export-file" title={t('shortlistFile.exportHint')}>{t('shortlistFile.export')}</button>
        </p>
      )}
      {!preview && view.made && exported && <p className="small muted" data-testid="shortlist-exported">{exported}</p>}
      {!preview && view.made && <ExportActions file={exportedFile} testId="shortlist-export-actions" />}
      {shown.made && (
        <>
          <p data-testid="shortlist-counts">
            <strong>{t('shortlist.counts', { in: shown.counts.in, tie: shown.counts.addedByTie, added: shown.counts.added, removed: shown.counts.removed })}</strong>
          </p>
          {shown.categories.map((c) => category(c, shown.made!.rule))}
        </>
      )}
    </section>
  );
}
