// Composition root: one data directory → one database and the core services over it. Every
// shell (Electron, browser host, CLI) builds its handlers from this, so behaviour is identical.
// The review service, the published-result guard and the ranking are built on first use, from
// modules loaded only when needed (services.ts: most `kepu` commands never load them).
import type { Database } from 'better-sqlite3';
import { CampaignRepo } from '../core/campaigns/campaign-repo';
import { TemplateCatalog } from '../core/campaigns/templates';
import { databasePath, openDatabase } from '../core/db/connection';
import { EntryRepo } from '../core/entries/entry-repo';
import { preparePrivateDataDir } from '../core/files/private-files';
import { AssetRepo } from '../core/media/asset-repo';
import { SettingsRepo } from '../core/settings/settings-repo';
import path from 'node:path';
import { applyPendingRestore } from '../core/backup/pending-restore';
import { JobRegistry } from './jobs';
import { IdentityService } from '../core/keys/identity-service';
import { JudgeRepo } from '../core/review/judge-repo';
import type { ReviewService } from '../core/review/review-service';
import { ProtectedFiles } from '../core/db/protected-files';
import type { PublishedChanges } from '../core/ranking/published-changes';
import type { RankingService } from '../core/ranking/ranking-service';
import { serviceModule } from './services';

export type ShellKind = 'electron' | 'browser' | 'cli';

export interface ContextOptions {
  dataDir: string;
  resourcesDir: string;
  shell: ShellKind;
  /** better_sqlite3.node built for Electron's ABI, when running inside Electron. */
  nativeBinding?: string;
  /** 32 bytes kept by the OS key store (Electron safeStorage) that seal the signing key. */
  osSecret?: Buffer;
  /** Quits and starts the app again (the desktop shell), to open a restore prepared in the app. */
  restart?: () => void;
}

export interface AppContext {
  readonly dataDir: string;
  readonly resourcesDir: string;
  readonly shell: ShellKind;
  readonly db: Database;
  /** Electron's build of better-sqlite3, for the side files the app opens (campaign backups). */
  readonly nativeBinding?: string;
  readonly templates: TemplateCatalog;
  readonly campaigns: CampaignRepo;
  readonly entries: EntryRepo;
  readonly assets: AssetRepo;
  readonly settings: SettingsRepo;
  /** Every background job, whatever its kind (job:status, job:cancel). */
  readonly jobs: JobRegistry;
  readonly judges: JudgeRepo;
  readonly reviews: ReviewService;
  readonly identity: IdentityService;
  /** The database and key files: every path a person hands us is checked against them first. */
  readonly protectedFiles: ProtectedFiles;
  /** Set where the shell can restart itself (backup:restart). */
  readonly restart?: () => void;
  /** Refuses changes that would move a published result until the coordinator agreed. */
  readonly publishedChanges: PublishedChanges;
  /** The ranking computed from the merged scores, cached while the database is unchanged. */
  readonly ranking: RankingService;
  close(): void;
}

export function createAppContext(options: ContextOptions): AppContext {
  // Names, phone numbers and the signing key live here: owner-only (core/files/private-files).
  preparePrivateDataDir(options.dataDir, databasePath(options.dataDir));
  // A backup restored in the app is put in place here, before the database opens (pending-restore.ts).
  // Not by the CLI: a command run beside the open app must never move the app's database.
  if (options.shell !== 'cli') applyPendingRestore(options.dataDir);
  const db = openDatabase(databasePath(options.dataDir), { nativeBinding: options.nativeBinding });
  const jobs = new JobRegistry(options.dataDir);
  const campaigns = new CampaignRepo(db);
  const entries = new EntryRepo(db);
  const judges = new JudgeRepo(db);
  let publishedChanges: PublishedChanges | undefined;
  let reviews: ReviewService | undefined;
  let ranking: RankingService | undefined;
  const ctx: AppContext = {
    dataDir: options.dataDir,
    resourcesDir: options.resourcesDir,
    shell: options.shell,
    db,
    nativeBinding: options.nativeBinding,
    restart: options.restart,
    templates: new TemplateCatalog(path.join(options.resourcesDir, 'templates')),
    campaigns,
    entries,
    judges,
    get publishedChanges() {
      publishedChanges ??= new (serviceModule('publishedChanges', 'publishedChanges').PublishedChanges)(db);
      return publishedChanges;
    },
    get reviews() {
      reviews ??= new (serviceModule('reviews', 'reviews').ReviewService)(db, campaigns, judges, entries, ctx.publishedChanges);
      return reviews;
    },
    get ranking() {
      if (!ranking) {
        const flags = serviceModule('rankingFlags', 'ranking');
        ranking = new (serviceModule('ranking', 'ranking').RankingService)(db, campaigns, flags.entryRuleFlag, flags.formalCheckFlag);
      }
      return ranking;
    },
    identity: new IdentityService(options.dataDir, db, options.osSecret),
    protectedFiles: new ProtectedFiles(options.dataDir),
    assets: new AssetRepo(db),
    settings: new SettingsRepo(db),
    jobs,
    close: () => {
      jobs.cancelAll();
      db.close();
    },
  };
  return ctx;
}
