// The numbered versions of the definition (who saved, when, why) and "new edition from this
// campaign", which starts next year's campaign from the saved definition.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignDetail, DefinitionVersionView } from '../../../../src-main/contract';
import { invoke } from '../../api';
import { useAppStore } from '../../stores/useAppStore';
import { versionText } from './version-text';

export function VersionsSection({ campaign, savedVersion }: { campaign: CampaignDetail; savedVersion: number | null }) {
  const { t, i18n } = useTranslation();
  const { run, go, refreshCampaigns } = useAppStore();
  const [versions, setVersions] = useState<DefinitionVersionView[]>([]);
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
          {versions.map((v) => {
            const text = versionText(v, tz, t, i18n.language);
            return (
              <li key={v.version} data-testid={`setup-version-${v.version}`}>
                <span>{text.line}</span>
                {text.statement !== null && (
                  <p className="version-statement" data-testid="setup-version-statement">
                    {t('setup.versionStatement', { statement: text.statement })}
                  </p>
                )}
                {text.affected.length > 0 && (
                  <ul className="version-affected" data-testid="setup-version-affected">
                    {text.affected.map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
