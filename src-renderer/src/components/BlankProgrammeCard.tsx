// "New blank programme": for a competition that looks like neither built-in template. The
// coordinator gives the kind, the name and the host; the campaign opens on its Setup tab, where the
// entry kinds, categories, lists and rubric are built (core/campaigns/blank-definition.ts says
// what a blank programme starts with).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignKind, LocalizedText } from '../../../src-main/contract';
import { invoke } from '../api';
import { useAppStore } from '../stores/useAppStore';

const empty: LocalizedText = { 'zh-CN': '', en: '' };

export function BlankProgrammeCard({ onCreated }: { onCreated(campaignId: string): void }) {
  const { t } = useTranslation();
  const run = useAppStore((s) => s.run);
  const busy = useAppStore((s) => s.busy);
  const [kind, setKind] = useState<CampaignKind>('works');
  const [name, setName] = useState<LocalizedText>(empty);
  const [host, setHost] = useState<LocalizedText>(empty);
  // A name in one language is used for the other until someone types it.
  const both = (v: LocalizedText): LocalizedText => ({ 'zh-CN': v['zh-CN'].trim() || v.en.trim(), en: v.en.trim() || v['zh-CN'].trim() });
  const ready = both(name)['zh-CN'] !== '' && both(host)['zh-CN'] !== '';

  async function create() {
    const campaign = await run(() => invoke('campaign:createBlank', { kind, name: both(name), host: both(host) }));
    if (campaign) onCreated(campaign.id);
  }

  return (
    <article className="template-card blank-card" data-testid="blank-programme-card">
      <span className="kind-badge">{t('blankProgramme.badge')}</span>
      <h3>{t('blankProgramme.title')}</h3>
      <p>{t('blankProgramme.hint')}</p>
      <label className="stacked">
        {t('campaigns.kind')}
        <select value={kind} onChange={(e) => setKind(e.target.value as CampaignKind)} data-testid="blank-kind">
          <option value="works">{t('campaignKinds.works')}</option>
          <option value="committee">{t('campaignKinds.committee')}</option>
        </select>
      </label>
      <label className="stacked">
        {t('blankProgramme.nameZh')}
        <input value={name['zh-CN']} onChange={(e) => setName({ ...name, 'zh-CN': e.target.value })} data-testid="blank-name-zh" />
      </label>
      <label className="stacked">
        {t('blankProgramme.nameEn')}
        <input value={name.en} onChange={(e) => setName({ ...name, en: e.target.value })} data-testid="blank-name-en" />
      </label>
      <label className="stacked">
        {t('blankProgramme.hostZh')}
        <input value={host['zh-CN']} onChange={(e) => setHost({ ...host, 'zh-CN': e.target.value })} data-testid="blank-host-zh" />
      </label>
      <label className="stacked">
        {t('blankProgramme.hostEn')}
        <input value={host.en} onChange={(e) => setHost({ ...host, en: e.target.value })} data-testid="blank-host-en" />
      </label>
      <button type="button" className="primary" disabled={busy || !ready} onClick={() => void create()} data-testid="blank-create">
        {t('blankProgramme.create')}
      </button>
    </article>
  );
}
