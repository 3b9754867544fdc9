import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language, ResponseOf } from '../../../src-main/contract';
import { invoke } from '../api';
import { applyLanguage, systemLanguage } from '../i18n';
import { useAppStore } from '../stores/useAppStore';
import { IdentityPanel } from './exchange/IdentityPanel';
import { BackupPanel } from './settings/BackupPanel';

type Choice = Language | 'system';

export function SettingsView() {
  const { t } = useTranslation();
  const { run, setLanguage } = useAppStore();
  const [info, setInfo] = useState<ResponseOf<'app:info'> | null>(null);
  const [choice, setChoice] = useState<Choice>('system');

  useEffect(() => {
    void run(() => invoke('app:info', {})).then((i) => i && setInfo(i));
    void run(() => invoke('settings:get', {})).then((s) => s && setChoice(s.language ?? 'system'));
  }, [run]);

  async function choose(next: Choice) {
    setChoice(next);
    if (next === 'system') {
      const language = systemLanguage();
      await applyLanguage(language);
      useAppStore.setState({ language });
      await run(() => invoke('settings:update', { language: null }));
    } else {
      await setLanguage(next);
    }
  }

  return (
    <div className="settings">
      <h1>{t('settings.title')}</h1>
      <section className="panel">
        <h2>{t('settings.language')}</h2>
        <select value={choice} onChange={(e) => void choose(e.target.value as Choice)} data-testid="settings-language">
          <option value="system">{t('settings.followSystem')}</option>
          <option value="zh-CN">简体中文</option>
          <option value="en">English</option>
        </select>
        <p className="muted small">{t('settings.languageHint')}</p>
      </section>
      <IdentityPanel />
      <BackupPanel />
      <section className="panel">
        <h2>{t('settings.about')}</h2>
        {info && (
          <dl>
            <dt>{t('settings.version')}</dt>
            <dd>{info.version}</dd>
            <dt>{t('settings.shell')}</dt>
            <dd>{t(`settings.shells.${info.shell}`)}</dd>
            <dt>{t('settings.dataDir')}</dt>
            <dd className="mono">{info.dataDir}</dd>
            <dt>{t('settings.schema')}</dt>
            <dd>{info.schemaVersion}</dd>
          </dl>
        )}
        <p className="muted small">{t('settings.offline')}</p>
      </section>
    </div>
  );
}
