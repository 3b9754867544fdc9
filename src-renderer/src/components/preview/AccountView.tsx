// A science-popularization account (科普账号): platform and account full name up front, the link as
// text (the judge is offline; nothing here navigates), follower count, other fields, screenshots.
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntryKindDef, ReviewState } from '../../../../src-main/contract';
import { formatCount, localized } from '../../format';
import { FieldList } from './FieldList';
import { isCount } from './fields';
import { LinkText } from './LinkText';
import { MediaArea } from './MediaArea';

const CARD_KEYS = ['platform', 'account_name', 'link', 'followers'] as const;

export function AccountView({ state, kindDef }: { state: ReviewState; kindDef: EntryKindDef | undefined }): JSX.Element {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const f = state.fields;
  const label = (key: string, fallback: string) => {
    const def = kindDef?.fields.find((d) => d.key === key);
    return def ? localized(def.label, lang) : t(fallback);
  };
  const followers = (f.followers ?? '').trim();
  const link = (f.link ?? '').trim();
  return (
    <>
      <section className="pv-card pv-account" aria-label={t('preview.account')} data-testid="account-card">
        <div className="pv-account-names">
          <div>
            <span className="pv-card-label">{label('platform', 'preview.platform')}</span>
            <span className="pv-card-value">{f.platform?.trim() || '—'}</span>
          </div>
          <div>
            <span className="pv-card-label">{label('account_name', 'preview.accountName')}</span>
            <span className="pv-card-value">{f.account_name?.trim() || '—'}</span>
          </div>
          {followers && (
            <div>
              <span className="pv-card-label">{t('preview.followers')}</span>
              <span className="pv-card-value num-left">{isCount('followers', followers) ? formatCount(Number(followers), lang) : followers}</span>
            </div>
          )}
        </div>
        <div className="pv-account-link">
          <span className="pv-card-label">{label('link', 'preview.link')}</span>
          {link ? <LinkText url={link} /> : <span className="muted">{t('preview.noLink')}</span>}
        </div>
      </section>
      <FieldList fields={f} kindDef={kindDef} omit={[...CARD_KEYS, 'title', 'reason']} />
      <MediaArea assets={state.assets} kind={state.kind} category={state.category} />
    </>
  );
}
