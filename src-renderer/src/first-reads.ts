// The first paint's reads, sent by the entry script before the rest of the app has arrived (issue
// 18: the campaign list within a second). The entry is a few kB; React, the query cache, i18next
// and the screens come in the next chunk (boot.tsx), which takes a while to fetch and compile on a
// busy machine: meanwhile the saved settings, the campaign list, the templates and the likely
// language's texts are already on their way, and boot hands their answers to the query cache.
import type { Result, ResponseOf } from '../../src-main/contract';
import { offsetLabel, wallTime } from '../../src-main/contract/zoned-time';
import { call } from './api';
import { preloadLanguage, systemLanguage } from './locale-texts';
import { savedView } from './stores/saved-view';

export const CAMPAIGN_LIST_REQUEST = { includeArchived: true } as const;

export interface FirstReads {
  settings: Promise<Result<ResponseOf<'settings:get'>>>;
  /** Sent only when the first screen is the campaign list (not after a reload inside a campaign). */
  campaigns: Promise<Result<ResponseOf<'campaign:list'>>> | null;
  templates: Promise<Result<ResponseOf<'template:list'>>> | null;
}

export function sendFirstReads(): FirstReads {
  // The texts of the likely language load while the saved choice is asked for (usually the same).
  preloadLanguage(systemLanguage());
  const list = savedView().name === 'campaigns';
  const reads: FirstReads = {
    settings: call('settings:get', {}),
    campaigns: list ? call('campaign:list', CAMPAIGN_LIST_REQUEST) : null,
    templates: list ? call('template:list', {}) : null,
  };
  for (const answer of [reads.campaigns, reads.templates]) {
    void answer?.then((result) => result.ok && warmTimeZones(result.value.map((row) => row.timeZone)));
  }
  return reads;
}

/**
 * The list shows each deadline in its campaign's time zone. The first Intl.DateTimeFormat of a
 * window costs tens of milliseconds (ICU loads its zone data), which the first render would pay;
 * built here, when the answer arrives, it is usually paid while the app's code is still on its
 * way. zoned-time keeps the formatters, and the app uses the same module (the entry's chunk).
 */
function warmTimeZones(zones: string[]): void {
  const now = Date.now();
  for (const zone of new Set(zones)) {
    try {
      wallTime(now, zone);
      offsetLabel(zone, now);
    } catch {
      /* an unknown zone: the list says so when it renders, as it always did */
    }
  }
}
