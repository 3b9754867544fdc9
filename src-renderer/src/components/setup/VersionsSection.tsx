// The numbered versions of the definition (who saved, when, why) and "new edition from this
// campaign", which starts next year's campaign from the saved definition.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignDetail } from '../../../../src-main/contract';
import { invoke } from '../../api';
import { formatInstant } from '../../format';
import { useAppStore } from '../../stores/useAppStore';

type Versions = { version: number; savedAt: string; actor: string; reason: string }[];

export function VersionsSection({ campaign, savedVersion }: { campaign: CampaignDetail; savedVersion: number | null }) {
  const { t } = useTranslation();
  const { run, go, refreshCampaigns } = useAppStore();
  const [versions, setVersions] = useState<Versions>([]);
  const tz = campaign.definition.timeZone;

  useEffect(() => {
    void run(() => invoke('campaign:definitionVersions', { campaignId: campaign.id })).then((v) => v && setVersions(v));
  }, [run, campaign.id, savedVersion]);

  async function newEdition() {
    const next = await run(() => invoke('campaign:newEdition', { campaignId: campaign.id, shiftYears: 1 }));
    if (!next) return;
    await refreshCampaigns();
    go({ name: 'campaign', campaignId: next.id });
  }

  return (
    <section className="panel" aria-labelledby="setup-versions-title">
      <div className="section-head">
        <h2 id="setup-versions-title">{t('setup.versions')}</h2>
        <button type="button" onClick={() => void newEdition()} data-testid="setup-new-edition">
          {t('setup.newEdition')}
        </button>
      </div>
      <p className="muted small">{t('setup.newEditionHint')}</p>
      {versions.length === 0 ? (
        <p className="muted">{t('setup.noVersions')}</p>
      ) : (
        <ul className="plain versions" data-testid="setup-versions">
          {versions.map((v) => (
            <li key={v.version}>
              {t('setup.versionLine', { version: v.version, at: formatInstant(v.savedAt, tz), actor: v.actor === 'local' ? t('setup.thisComputer') : v.actor, reason: v.reason === 'created' ? t('setup.created') : v.reason || '—' })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
