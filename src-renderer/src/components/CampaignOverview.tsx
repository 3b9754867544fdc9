import { Fragment, useState } from 'react';
import { type TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CampaignDefinition, CampaignDetail, ListDef, TierRule } from '../../../src-main/contract';
import { invoke } from '../api';
import { useDeliveredExport } from '../hooks/useDeliveredExport';
import { ExportActions } from './ExportActions';
import { formatCount, formatInstant, localized } from '../format';
import { useAppStore } from '../stores/useAppStore';
import { NoticeFilesSummary } from './setup/NoticeFilesEditor';

/** The campaign's definition as a programme file, to share or to start the next edition from. */
function ExportProgramme({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation();
  const [exported, deliver] = useDeliveredExport();
  const run = useAppStore((s) => s.run);
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <section className="panel export-programme">
      <div className="section-head">
        <p className="muted">{t('programme.exportHint')}</p>
        <button
          type="button"
          data-testid="export-programme"
          onClick={async () => {
            const file = await run(() => invoke('campaign:exportProgramme', { campaignId }));
            if (!file) return;
            deliver(file);
            setSaved(file.fileName);
          }}
        >
          {t('programme.export')}
        </button>
      </div>
      {saved && <p className="muted small" data-testid="programme-exported">{t('programme.exported', { file: saved })}</p>}
      <ExportActions file={exported} testId="programme-export-actions" showWhere />
    </section>
  );
}

export function CampaignOverview({ campaign }: { campaign: CampaignDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const def = campaign.definition;
  const video = def.mediaRules.video;
  const sizeLimit =
    video.maxSizeBytes === null
      ? t('overview.noLimit')
      : video.sizeUnit === 'MB'
        ? t('overview.sizeMB', { value: formatCount(video.maxSizeBytes / 1e6, lang), bytes: formatCount(video.maxSizeBytes, lang) })
        : t('overview.sizeMiB', { value: formatCount(video.maxSizeBytes / 2 ** 20, lang), bytes: formatCount(video.maxSizeBytes, lang) });

  // Categories with their own media rules (the Setup tab's Entry kinds section edits them).
  const ownRules = def.entryKinds.flatMap((k) => k.categories.filter((c) => c.mediaRules).map((c) => `${localized(k.label, lang)} · ${localized(c.label, lang)}`));

  return (
    <div className="overview" data-testid="campaign-overview">
      {!campaign.openedPackage && <ExportProgramme campaignId={campaign.id} />}
      <section className="panel facts">
        <h2>{t('overview.facts')}</h2>
        <dl>
          <dt>{t('campaigns.kind')}</dt>
          <dd>{t(`campaignKinds.${def.kind}`)}</dd>
          {def.editionYear !== null && (
            <>
              <dt>{t('overview.editionYear')}</dt>
              <dd data-testid="overview-edition-year">{def.editionYear}</dd>
            </>
          )}
          <dt>{t('overview.organizers')}</dt>
          <dd>
            <ul className="plain">
              {def.organizers.map((o) => (
                <li key={`${o.role}-${o.name.en}`}>
                  <span className="muted small">{t(`organizerRoles.${o.role}`)}</span> {localized(o.name, lang)}
                </li>
              ))}
            </ul>
          </dd>
          {def.contact && (def.contact.person || def.contact.phone || def.contact.email) && (
            <>
              <dt>{t('overview.contact')}</dt>
              <dd data-testid="overview-contact">{[def.contact.person, def.contact.phone, def.contact.email].filter(Boolean).join(' · ')}</dd>
            </>
          )}
          <dt>{t('overview.window')}</dt>
          <dd>
            {def.opensAt ? formatInstant(def.opensAt, def.timeZone, false) : '—'} –{' '}
            {formatInstant(def.deadline, def.timeZone)}
          </dd>
          <dt>{t('overview.timeZone')}</dt>
          <dd>{def.timeZone}</dd>
          <dt>{t('overview.judgesPerEntry')}</dt>
          <dd>{def.judgesPerEntry}</dd>
          <dt>{t('overview.blindReview')}</dt>
          <dd>{def.blindReview ? t('common.yes') : t('common.no')}</dd>
          <dt>{t('overview.assignment')}</dt>
          <dd>{[def.assignment.excludeOwnInstitution && t('overview.excludeOwn'), def.assignment.matchSpeciality && t('overview.matchSpeciality')].filter(Boolean).join(lang === 'zh-CN' ? '；' : '; ') || '—'}</dd>
        </dl>
      </section>

      <section className="panel">
        <h2>{t('overview.registrations')}</h2>
        <ul className="stat-row">
          {def.entryKinds.map((k) => (
            <li key={k.kind} className="stat">
              <span className="stat-value">{formatCount(campaign.counts.byKind[k.kind] ?? 0, lang)}</span>
              <span className="stat-label">{localized(k.label, lang)}</span>
            </li>
          ))}
          <li className="stat warn">
            <span className="stat-value">{formatCount(campaign.counts.late, lang)}</span>
            <span className="stat-label">{t('overview.late')}</span>
          </li>
          {campaign.counts.early > 0 && (
            <li className="stat warn">
              <span className="stat-value">{formatCount(campaign.counts.early, lang)}</span>
              <span className="stat-label">{t('overview.early')}</span>
            </li>
          )}
          <li className="stat">
            <span className="stat-value">{formatCount(campaign.counts.assets, lang)}</span>
            <span className="stat-label">{t('overview.mediaFiles')}</span>
          </li>
        </ul>
        <dl className="overview-categories">
          {def.entryKinds.map((k) => (
            <Fragment key={k.kind}>
              <dt>{localized(k.label, lang)}</dt>
              <dd>
                {k.categories.length === 0
                  ? <span className="muted">{t('overview.noCategories')}</span>
                  : k.categories.map((c, i) => (
                      <Fragment key={c.key}>
                        {i > 0 && (lang === 'zh-CN' ? '、' : ', ')}
                        {c.retired ? <s title={t('overview.retired')}>{localized(c.label, lang)}</s> : localized(c.label, lang)}
                      </Fragment>
                    ))}
              </dd>
            </Fragment>
          ))}
        </dl>
      </section>

      {def.notice && (def.notice['zh-CN'] || def.notice.en) && (
        <section className="panel wide" data-testid="overview-notice">
          <details>
            <summary>
              <strong>{t('overview.notice')}</strong> <span className="muted small">{t('overview.noticeShow')}</span>
            </summary>
            <div className="notice-text">{(lang === 'zh-CN' ? def.notice['zh-CN'] : def.notice.en) || def.notice['zh-CN'] || def.notice.en}</div>
          </details>
        </section>
      )}
      {!campaign.openedPackage && <NoticeFilesSummary campaign={campaign} />}

      {def.lists.map((list) => (
      <Fragment key={list.key}>
      <section className="panel wide" data-testid={`overview-list-${list.key}`}>
        <h2>{def.lists.length > 1 ? t('overview.listRubric', { list: localized(list.name, lang) }) : t('overview.rubric')}</h2>
        <dl className="list-facts">
          <dt>{t('overview.listTakes')}</dt>
          <dd data-testid={`overview-list-feeds-${list.key}`}>{feedsText(def, list, lang)}</dd>
          <dt>{t('overview.listCertificate')}</dt>
          <dd>{certificateName(def, list, lang) ?? t('overview.usualAward')}</dd>
          <dt>{t('setup.listMethod')}</dt>
          <dd data-testid={`overview-list-method-${list.key}`}>{list.method ? t(`ranking.methods.${list.method}`) : t('setup.fromRankingSettings')}</dd>
          <dt>{t('setup.listTiers')}</dt>
          <dd>{list.tiers === null ? t('setup.fromRankingSettings') : list.tiers.length === 0 ? t('overview.noTiers') : list.tiers.map((tier) => `${tier.label ? localized(tier.label, lang) : ''} (${tierRuleText(t, tier)})`).join(lang === 'zh-CN' ? '；' : '; ')}</dd>
          <dt>{t('overview.rounds')}</dt>
          <dd data-testid={`overview-list-rounds-${list.key}`}>
            {list.rounds?.length ? list.rounds.map((r) => `${localized(r.name, lang) || t(`setup.rounds.kinds.${r.kind}`)} (${t(`setup.rounds.kinds.${r.kind}`)})`).join(' → ') : t('setup.rounds.single')}
          </dd>
        </dl>
        <table className="data-table compact">
          <thead>
            <tr>
              <th>{t('overview.dimension')}</th>
              <th className="num">{t('overview.weight')}</th>
              <th>{t('overview.scale')}</th>
              <th>{t('overview.anchors')}</th>
            </tr>
          </thead>
          <tbody>
            {list.rubric.map((d) => (
              <tr key={d.key}>
                <td>
                  <strong>{localized(d.label, lang)}</strong>
                  <div className="muted small">{localized(d.description, lang)}</div>
                </td>
                <td className="num">{Math.round(d.weight * 100)}%</td>
                <td>{t('overview.scaleRange', { min: d.scale.min, max: d.scale.max, step: d.scale.step })}</td>
                <td className="small">
                  {d.anchors.map((a) => `${a.score}: ${localized(a.label, lang)}`).join(' · ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {list.eligibility.length > 0 && (
        <section className="panel wide">
          <h2>{t('overview.eligibility')}</h2>
          <ol className="eligibility">
            {list.eligibility.map((item) => (
              <li key={item.key}>
                {localized(item.label, lang)}
                <div className="muted small">
                  {t('common.labelled', { label: t('overview.evidence'), value: localized(item.evidence, lang) })}
                </div>
              </li>
            ))}
          </ol>
        </section>
      )}
      </Fragment>
      ))}

      <section className="panel">
        <h2>{t('overview.mediaRules')}</h2>
        <dl>
          <dt>{t('overview.videoFormat')}</dt>
          <dd>{video.containers.map((c) => c.toUpperCase()).join(', ')}</dd>
          <dt>{t('overview.videoMaxSize')}</dt>
          <dd>{sizeLimit}</dd>
          <dt>{t('overview.videoMaxDuration')}</dt>
          <dd>
            {video.maxDurationSeconds === null
              ? t('overview.noLimit')
              : t('overview.minutes', { count: video.maxDurationSeconds / 60 })}
          </dd>
          <dt>{t('overview.playableCodecs')}</dt>
          <dd>{[...video.playableVideoCodecs, ...video.playableAudioCodecs].join(', ')}</dd>
          <dt>{t('overview.imageMinimum')}</dt>
          <dd>
            {def.mediaRules.image.minWidth} × {def.mediaRules.image.minHeight} px
          </dd>
          {ownRules.length > 0 && (
            <>
              <dt>{t('overview.ownMediaRules')}</dt>
              <dd data-testid="overview-own-media-rules">{ownRules.join(lang === 'zh-CN' ? '、' : ', ')}</dd>
            </>
          )}
        </dl>
      </section>

      <section className="panel" data-testid="overview-certificates">
        <h2>{t('overview.certificateKinds')}</h2>
        <ul className="plain certificate-kinds">
          {def.certificates.map((c) => (
            <li key={c.key}>
              <strong>{localized(c.label, lang)}</strong>
              <div className="muted small">
                {[
                  c.validityMonths === null ? t('overview.noExpiry') : t('overview.validMonths', { count: c.validityMonths }),
                  c.title && t('overview.printedTitle', { title: localized(c.title, lang) }),
                  c.serialPrefix && t('overview.serialPrefix', { prefix: c.serialPrefix }),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </div>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

/** "Works: Video, Graphic · Accounts" — the kinds and categories that feed a list. */
function feedsText(def: CampaignDefinition, list: ListDef, lang: string): string {
  return list.feeds
    .map((f) => {
      const kind = def.entryKinds.find((k) => k.kind === f.kind);
      if (!kind) return f.kind;
      const label = localized(kind.label, lang);
      if (f.categories === null) return label;
      const names = f.categories.map((c) => kind.categories.find((x) => x.key === c)).filter((c) => c !== undefined).map((c) => localized(c.label, lang));
      return lang === 'en' ? `${label}: ${names.join(', ')}` : `${label}：${names.join('、')}`;
    })
    .join(' · ');
}

/** The certificate a list awards, by name; null: the usual award certificate. */
function certificateName(def: CampaignDefinition, list: ListDef, lang: string): string | null {
  const kind = def.certificates.find((c) => c.key === (list.certificateKind ?? 'award'));
  return kind ? localized(kind.label, lang) : null;
}

/** "top 10", "next 20 %", "score ≥ 8" — how a tier is filled, in words. */
function tierRuleText(t: TFunction, tier: TierRule): string {
  return tier.by === 'rank' ? t('overview.tierRank', { count: tier.count }) : tier.by === 'percentile' ? t('overview.tierPercent', { percent: tier.percent }) : t('overview.tierScore', { score: tier.minScore });
}
