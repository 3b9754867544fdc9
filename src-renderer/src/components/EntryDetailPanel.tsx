import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssetInfo, CampaignDetail, EligibilityItem } from '../../../src-main/contract';
import { listFor } from '../../../src-main/contract/lists';
import { invoke, mediaUrl } from '../api';
import { formatBytes, formatInstant, localized } from '../format';
import { invalidateChannels, useChannel } from '../queries';
import { useAppStore } from '../stores/useAppStore';
import { EntryDecisions } from './EntryDecisions';
import { EntryFeedbackReview } from './EntryFeedbackReview';
import { EntryJudges } from './EntryJudges';
import { EntryScores } from './EntryScores';
import { entryProblemText } from './entryProblemText';
import { MediaFileProblem } from './preview/MediaFileProblem';
import { ReachList } from './ReachList';

interface Props {
  entryId: number;
  campaign: CampaignDetail;
  onClose(): void;
  /** The entry changed in a way the list shows (a decision's badge). */
  onChanged?(): void;
}

export function EntryDetailPanel({ entryId, campaign, onClose, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const entry = useChannel('entry:get', { entryId }).data ?? null;

  if (!entry) return <aside className="detail-panel muted">{t('common.loading')}</aside>;
  const kindDef = campaign.definition.entryKinds.find((k) => k.kind === entry.kind);
  const fieldLabel = (key: string) => {
    const def = kindDef?.fields.find((f) => f.key === key);
    return def ? localized(def.label, lang) : t(`entries.extraFields.${key}`, { defaultValue: key });
  };
  const choiceLabel = (key: string, value: string) => {
    const choice = kindDef?.fields.find((f) => f.key === key)?.choices?.find((c) => c.key === value);
    return choice ? localized(choice.label, lang) : value;
  };

  return (
    <aside className="detail-panel" data-testid="entry-detail" aria-label={t('entries.detail')}>
      <div className="detail-head">
        <span className="mono muted">{entry.regNo}</span>
        <button type="button" onClick={onClose} aria-label={t('common.close')}>
          ×
        </button>
      </div>
      <h2>{entry.title}</h2>
      {entry.origin && (
        <p className="small entry-origin" data-testid="entry-origin" title={t('shortlistFile.originTitle', { fingerprint: entry.origin.signerFingerprint, at: formatInstant(entry.origin.importedAt, campaign.definition.timeZone) })}>
          {t('shortlistFile.origin', {
            from: [localized(entry.origin.campaignName, lang), entry.origin.organiser].filter(Boolean).join(' · '),
            round: entry.origin.roundName ? localized(entry.origin.roundName, lang) : t('shortlist.round', { round: entry.origin.roundNo }),
            place: entry.origin.place === null ? t('shortlistFile.noPlace') : t('shortlistFile.place', { place: entry.origin.place }),
            regNo: entry.origin.originRegNo,
          })}
          {entry.origin.media.length > 0 && entry.assets.length === 0 && <> · {t('shortlistFile.mediaToLink', { count: entry.origin.media.length })}</>}
        </p>
      )}
      {entry.mediaToFetch && entry.mediaToFetch.length > 0 && (
        <div className="entry-media-to-fetch" data-testid="entry-media-to-fetch">
          <strong>{t('intake.mail.mediaToFetchTitle')}</strong>
          <ul className="plain">
            {entry.mediaToFetch.map((m) => (
              <li key={m.url}>
                {m.provider} · <span className="mono selectable">{m.url}</span>
                {m.code && <> · {t('intake.mail.extractionCode', { code: m.code })}</>}
              </li>
            ))}
          </ul>
        </div>
      )}
      <EntryReach entryId={entry.id} />
      {entry.late && <p className="badge warn">{t('entries.lateExplained')}</p>}
      {entry.early && <p className="badge warn">{t('entries.earlyExplained')}</p>}
      {entry.problems.length > 0 && (
        <div className="entry-problems" data-testid="entry-problems">
          <strong>{t('entries.problemsTitle')}</strong>
          <ul className="plain">
            {entry.problems.map((p) => (
              <li key={p.rule} className="warning-text">
                {entryProblemText(t, p, lang)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <dl>
        <dt>{t('entries.columns.entrant')}</dt>
        <dd>
          {t('common.parenthetical', { text: entry.entrantName, note: t(`entrantTypes.${entry.entrantType}`) })}
        </dd>
        {entry.entrantUnit && (
          <>
            <dt>{t('entries.unit')}</dt>
            <dd>{entry.entrantUnit}</dd>
          </>
        )}
        <dt>{t('entries.columns.submittedAt')}</dt>
        <dd>{formatInstant(entry.submittedAt, campaign.timeZone)}</dd>
        {entry.reason && (
          <>
            <dt>{t('entries.reason')}</dt>
            <dd>{entry.reason}</dd>
          </>
        )}
        {Object.entries(entry.fields).map(([key, value]) => (
          <FieldRow key={key} label={fieldLabel(key)} value={choiceLabel(key, value)} />
        ))}
      </dl>
      {/* Decisions are the coordinator's: not on a judge's machine (an opened package). */}
      {!campaign.openedPackage && <EntryDecisions campaign={campaign} entryId={entry.id} onChanged={onChanged} />}
      {!campaign.openedPackage && <EntryJudges campaignId={campaign.id} entryId={entry.id} />}
      {/* Every judge's scores and comments are the coordinator's to read, not another judge's. */}
      {!campaign.openedPackage && <EntryScores campaign={campaign} entryId={entry.id} />}
      {/* Judges' comments for the entrant, reviewed before a result letter carries any. */}
      {!campaign.openedPackage && <EntryFeedbackReview campaign={campaign} entryId={entry.id} />}
      <h3>{t('entries.media', { count: entry.assets.length })}</h3>
      {entry.assets.length === 0 && <p className="muted">{t('entries.noMedia')}</p>}
      <div className="asset-list">
        {entry.assets.map((a) => (
          <AssetPreview
            key={a.id}
            asset={a}
            lang={lang}
            onRechecked={() => void invalidateChannels('entry:get')}
            // The coordinator ties evidence; on a judge's machine the ties come with the package.
            evidenceItems={campaign.openedPackage ? [] : listFor(campaign.definition, entry.kind, entry.category).eligibility}
          />
        ))}
      </div>
    </aside>
  );
}

function FieldRow({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}

function AssetPreview({ asset, lang, onRechecked, evidenceItems }: { asset: AssetInfo; lang: string; onRechecked(): void; evidenceItems: readonly EligibilityItem[] }) {
  const { t } = useTranslation();
  const run = useAppStore((s) => s.run);
  const tie = async (item: string | null) => {
    if (await run(() => invoke('entry:tieEvidence', { assetId: asset.id, item }))) await invalidateChannels('entry:get');
  };
  const url = mediaUrl(asset.id);
  // A file refused by the shell (changed since the check, gone, a link) says why, with a re-check.
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const fail = () => setFailed(true);
  const rechecked = () => {
    setFailed(false);
    setAttempt((n) => n + 1);
    onRechecked();
  };
  return (
    <figure className="asset">
      {failed ? (
        <MediaFileProblem className="asset-problem" asset={asset} fallback={t('preview.loadError')} onRechecked={rechecked} />
      ) : (
        <>
          {asset.role === 'video' && <video key={attempt} src={url} controls preload="metadata" data-testid="asset-video" onError={fail} />}
          {(asset.role === 'image' || asset.role === 'screenshot') && <img key={attempt} src={url} alt={asset.fileName} loading="lazy" onError={fail} />}
        </>
      )}
      <figcaption>
        <span>{asset.fileName}</span>
        <span className="muted small">
          {formatBytes(asset.sizeBytes, lang)} · SHA-256 {asset.sha256.slice(0, 12)}…
        </span>
        {evidenceItems.length > 0 && (
          <label className="small evidence-tie">
            {t('entries.evidenceFor')}{' '}
            <select value={asset.eligibilityItem ?? ''} onChange={(e) => void tie(e.target.value || null)} data-testid={`evidence-tie-${asset.id}`}>
              <option value="">{t('entries.evidenceNone')}</option>
              {evidenceItems.map((item) => (
                <option key={item.key} value={item.key}>
                  {localized(item.label, lang)}
                </option>
              ))}
            </select>
          </label>
        )}
      </figcaption>
    </figure>
  );
}

/** The entry's reach figures and public votes, as last imported (nothing when there are none). */
function EntryReach({ entryId }: { entryId: number }) {
  const { t } = useTranslation();
  const figures = useChannel('reach:entry', { entryId }).data ?? [];
  return <ReachList figures={figures} title={t('reach.entryTitle')} testId="entry-reach" />;
}
