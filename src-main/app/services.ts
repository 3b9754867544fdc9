// The app context's heavier services, whose modules load only when something needs them (issue 18:
// a `kepu` command's own start-up ≤ 300 ms). The ranking (its whole engine and the flag texts in
// both languages), the review service and the published-result guard together were ≈ 30 ms of
// module evaluation on every command, most of which never touches them (campaign list, judge list,
// decision list, identity show…). An ES module cannot be loaded synchronously, so a service's
// module is loaded before its first use, by whoever knows it is coming:
// - the lazy handler table (handler-table.ts, the CLI and its browser shell) loads, with a handler
//   group, the services that group's handlers read (GROUP_SERVICES there; a test reads the handler
//   modules and fails when one reads a service its group does not list);
// - a CLI command that reads one itself awaits `loadServices` first (rank: the ranking);
// - the eager table (handlers.ts: Electron, tests, benches) imports eager-services.ts, which
//   registers every module up front.
// The context (context.ts) builds each service from its module on first use and keeps it.
import type * as PublishedChangesModule from '../core/ranking/published-changes';
import type * as RankingServiceModule from '../core/ranking/ranking-service';
import type * as ReviewServiceModule from '../core/review/review-service';
import type * as EntryProblemTextModule from './entry-problem-text';

export interface ServiceModules {
  publishedChanges: typeof PublishedChangesModule;
  reviews: typeof ReviewServiceModule;
  ranking: typeof RankingServiceModule;
  /** The ranking's flag texts (both languages, so both locales load with them). */
  rankingFlags: typeof EntryProblemTextModule;
}

/** The services built from lazily loaded modules (the context's property names). */
export type LazyServiceName = 'publishedChanges' | 'reviews' | 'ranking';

const loaders: { [K in keyof ServiceModules]: () => Promise<ServiceModules[K]> } = {
  publishedChanges: () => import('../core/ranking/published-changes'),
  reviews: () => import('../core/review/review-service'),
  ranking: () => import('../core/ranking/ranking-service'),
  rankingFlags: () => import('./entry-problem-text'),
};

/** The modules each service is built from (the review service checks the published-result guard). */
const NEEDS: { readonly [S in LazyServiceName]: readonly (keyof ServiceModules)[] } = {
  publishedChanges: ['publishedChanges'],
  reviews: ['reviews', 'publishedChanges'],
  ranking: ['ranking', 'rankingFlags'],
};

// Modules are the same for every context: one registry per process (per module graph).
const modules: Partial<ServiceModules> = {};

/** Loads the modules of `services` (and of the services they are built over); idempotent. */
export async function loadServices(services: readonly LazyServiceName[]): Promise<void> {
  const wanted = new Set(services.flatMap((s) => NEEDS[s]));
  await Promise.all(
    [...wanted].map(async (name) => {
      if (!modules[name]) registerServiceModules({ [name]: await loaders[name]() });
    }),
  );
}

/** Puts modules already imported into the registry (eager-services.ts). */
export function registerServiceModules(loaded: Partial<ServiceModules>): void {
  Object.assign(modules, loaded);
}

/** Which service modules are loaded (for tests: a command that never needs one never loads it). */
export function loadedServiceModules(): (keyof ServiceModules)[] {
  return (Object.keys(modules) as (keyof ServiceModules)[]).filter((name) => modules[name]);
}

/** `name`'s module; a service read before its module was loaded is a bug in the lists above. */
export function serviceModule<K extends keyof ServiceModules>(name: K, service: LazyServiceName): ServiceModules[K] {
  const found = modules[name];
  if (!found) throw new Error(`app: ctx.${service} was read before its module was loaded (list it in GROUP_SERVICES, or await loadServices)`);
  return found;
}
