// "Save as a new version…": when the Setup tab's save is refused because the change removes a
// dimension that has scores or an eligibility item that has answers, this dialog says what would
// happen to that data ("The 240 scores of 'Creativity' are kept but no longer counted"), asks for
// the statement the version records, and saves again with it. Other refusals (a rescaled dimension
// with scores, a used category…) stay plain errors: no statement makes them possible.
// Usage: after a failed save, `offerNewVersion(campaignId, definition, resend, explain)`; render
// <NewVersionDialog /> once. Kept apart from SetupView so the editor only needs two lines for it.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { create } from 'zustand';
import type { CampaignDefinition, DefinitionImpact } from '../../../../src-main/contract';
import { invoke } from '../../api';
import { localized } from '../../format';
import { useAppStore } from '../../stores/useAppStore';

/** The refusals a new version overrides (core/campaigns/definition-update.ts); any other stays a refusal. */
const NEW_VERSION_CODES: readonly string[] = ['DEFINITION_DIMENSION_HAS_SCORES', 'DEFINITION_ITEM_HAS_ANSWERS'];
const STATEMENT_MAX = 1000;

interface Offer {
  campaignId: string;
  definition: CampaignDefinition;
  resend(statement: string): void;
  /** Puts a refusal in the coordinator's words (labels, places) before the banner shows it; rethrows. */
  explain(error: unknown): never;
}

const useOffer = create<{ offer: Offer | null; set(offer: Offer | null): void }>((set) => ({ offer: null, set: (offer) => set({ offer }) }));

/**
 * Opens the dialog when the last error (the refused save) is one a new version allows; returns
 * whether it did. The dialog then explains the refusal, so the error banner is cleared.
 */
export function offerNewVersion(campaignId: string, definition: CampaignDefinition, resend: (statement: string) => void, explain: (error: unknown) => never): boolean {
  const app = useAppStore.getState();
  if (!app.error || !NEW_VERSION_CODES.includes(app.error.code)) return false;
  app.clearError();
  useOffer.getState().set({ campaignId, definition, resend, explain });
  return true;
}

export function NewVersionDialog() {
  const offer = useOffer((s) => s.offer);
  const set = useOffer((s) => s.set);
  const close = useCallback(() => set(null), [set]);
  return offer ? <Dialog offer={offer} onClose={close} /> : null;
}

function Dialog({ offer, onClose }: { offer: Offer; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const run = useAppStore((s) => s.run);
  const [impact, setImpact] = useState<DefinitionImpact | null>(null);
  const [statement, setStatement] = useState('');

  useEffect(() => {
    let live = true;
    // What the new version would set aside, counted now; a refusal even as a new version closes
    // the dialog and shows that error instead.
    void run(() => invoke('campaign:definitionImpact', { campaignId: offer.campaignId, definition: offer.definition }).catch(offer.explain)).then((found) => {
      if (!live) return;
      if (found) setImpact(found);
      else onClose();
    });
    return () => {
      live = false;
    };
  }, [run, offer, onClose]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const next = impact ? impact.currentVersion + 1 : null;
  const lines = impact
    ? [
        ...impact.removedDimensions.map((d) => t('setup.newVersion.dimension', { count: d.scores, label: localized(d.label, i18n.language) })),
        ...impact.removedItems.map((d) => t('setup.newVersion.item', { count: d.answers, label: localized(d.label, i18n.language) })),
      ]
    : [];
  const text = statement.trim();
  return (
    <div className="overlay" role="presentation">
      <div className="sheet new-version" role="dialog" aria-modal="true" aria-labelledby="new-version-title" data-testid="new-version-dialog">
        <h2 id="new-version-title">{next === null ? t('setup.newVersion.offer') : t('setup.newVersion.title', { version: next })}</h2>
        {!impact ? (
          <p className="muted">{t('setup.newVersion.checking')}</p>
        ) : (
          <>
            <p>{t('setup.newVersion.intro')}</p>
            <ul data-testid="new-version-affected">
              {lines.length === 0 ? <li>{t('setup.newVersion.nothing')}</li> : lines.map((line) => <li key={line}>{line}</li>)}
            </ul>
            <label className="confirm-text">
              <span>{t('setup.newVersion.statement')}</span>
              <textarea
                rows={3}
                maxLength={STATEMENT_MAX}
                value={statement}
                placeholder={t('setup.newVersion.statementHint')}
                onChange={(e) => setStatement(e.target.value)}
                data-testid="new-version-statement"
              />
              <span className="muted small">{t('setup.newVersion.statementCount', { used: statement.length, max: STATEMENT_MAX })}</span>
            </label>
          </>
        )}
        <div className="dialog-actions">
          <button type="button" autoFocus onClick={onClose} data-testid="new-version-cancel">
            {t('setup.newVersion.cancel')}
          </button>
          <button
            type="button"
            className="primary"
            disabled={!impact || text.length === 0}
            onClick={() => {
              onClose();
              offer.resend(text);
            }}
            data-testid="new-version-confirm"
          >
            {t('setup.newVersion.confirm', { version: next ?? '' })}
          </button>
        </div>
      </div>
    </div>
  );
}
