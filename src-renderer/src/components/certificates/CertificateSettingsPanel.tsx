// Certificate settings of a campaign: serial prefix, paper orientation, language, the signer line
// under the seal, and the seal and signature images (PNG/JPEG) the organizers upload.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignDetail, CertificateSettings, ImageInfo } from '../../../../src-main/contract';
import { invoke } from '../../api';
import { fileToBase64, formatBytesShort } from './certificateFiles';
import { useAppStore } from '../../stores/useAppStore';

export function CertificateSettingsPanel({ campaign, onChanged }: { campaign: CampaignDetail; onChanged(): void }) {
  const { t } = useTranslation();
  const run = useAppStore((s) => s.run);
  const [settings, setSettings] = useState<CertificateSettings | null>(null);
  const [images, setImages] = useState<ImageInfo[]>([]);
  const [notice, setNotice] = useState('');
  useEffect(() => {
    void run(() => invoke('certificates:settings', { campaignId: campaign.id })).then((v) => {
      if (!v) return;
      setSettings(v.settings);
      setImages(v.images);
    });
  }, [run, campaign.id]);
  if (!settings) return null;

  async function save() {
    const v = await run(() => invoke('certificates:saveSettings', { campaignId: campaign.id, settings: settings! }));
    if (v) {
      setSettings(v.settings);
      setNotice(t('certificates.settings.saved'));
      onChanged();
    }
  }
  async function upload(role: 'seal' | 'signature', list: FileList | null) {
    const file = list?.[0];
    if (!file) return;
    const v = await run(async () => invoke('certificates:setImage', { campaignId: campaign.id, role, image: { fileName: file.name, contentBase64: await fileToBase64(file) } }));
    if (v) {
      setImages(v.images);
      onChanged();
    }
  }
  async function remove(role: 'seal' | 'signature') {
    const v = await run(() => invoke('certificates:setImage', { campaignId: campaign.id, role, remove: true }));
    if (v) {
      setImages(v.images);
      onChanged();
    }
  }

  return (
    <section className="panel certificate-settings" data-testid="certificate-settings">
      <h2>{t('certificates.settings.title')}</h2>
      <div className="settings-grid">
        <div className="stack-form">
          <label>
            {t('certificates.settings.prefix')}
            <input value={settings.serialPrefix} maxLength={12} onChange={(e) => setSettings({ ...settings, serialPrefix: e.target.value.toUpperCase() })} data-testid="serial-prefix" />
            <span className="small muted">{t('certificates.settings.prefixHelp', { example: `${settings.serialPrefix}-${new Date().getFullYear()}-000001` })}</span>
          </label>
          <label>
            {t('certificates.settings.orientation')}
            <select value={settings.orientation} onChange={(e) => setSettings({ ...settings, orientation: e.target.value as CertificateSettings['orientation'] })} data-testid="orientation">
              <option value="landscape">{t('certificates.settings.landscape')}</option>
              <option value="portrait">{t('certificates.settings.portrait')}</option>
            </select>
          </label>
          <label>
            {t('certificates.settings.language')}
            <select value={settings.language} onChange={(e) => setSettings({ ...settings, language: e.target.value as CertificateSettings['language'] })} data-testid="certificate-language">
              <option value="bilingual">{t('certificates.settings.bilingual')}</option>
              <option value="zh-CN">{t('certificates.settings.chinese')}</option>
              <option value="en">{t('certificates.settings.english')}</option>
            </select>
          </label>
          <label>
            {t('certificates.settings.signerZh')}
            <input value={settings.signerLine?.['zh-CN'] ?? ''} placeholder={campaign.definition.organizers[0].name['zh-CN']} onChange={(e) => setSettings({ ...settings, signerLine: e.target.value ? { 'zh-CN': e.target.value, en: settings.signerLine?.en || e.target.value } : null })} />
          </label>
          <label>
            {t('certificates.settings.signerEn')}
            <input value={settings.signerLine?.en ?? ''} placeholder={campaign.definition.organizers[0].name.en} onChange={(e) => setSettings({ ...settings, signerLine: e.target.value ? { 'zh-CN': settings.signerLine?.['zh-CN'] || e.target.value, en: e.target.value } : null })} />
          </label>
          <div className="actions">
            <button type="button" className="primary" onClick={() => void save()} data-testid="save-certificate-settings">
              {t('certificates.settings.save')}
            </button>
            {notice && <span className="muted small">{notice}</span>}
          </div>
        </div>
        <div className="image-slots">
          {(['seal', 'signature'] as const).map((role) => {
            const info = images.find((i) => i.role === role);
            return (
              <div key={role} className="image-slot" data-testid={`image-${role}`}>
                <h3>{t(`certificates.settings.${role}`)}</h3>
                <p className="small muted">{info ? `${info.width}×${info.height} · ${formatBytesShort(info.bytes)}` : t('certificates.settings.noImage')}</p>
                <div className="actions">
                  <label className="file-button">
                    {t('certificates.settings.upload')}
                    <input type="file" className="visually-hidden" accept="image/png,image/jpeg" onChange={(e) => void upload(role, e.target.files)} data-testid={`upload-${role}`} />
                  </label>
                  {info && (
                    <button type="button" onClick={() => void remove(role)}>
                      {t('certificates.settings.removeImage')}
                    </button>
                  )}
                </div>
              </div>
            );
          })}
          <p className="small muted">{t('certificates.settings.imageHelp')}</p>
        </div>
      </div>
    </section>
  );
}
