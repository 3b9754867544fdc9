// The context a worker thread's work runs in: its own read-only connection to the data folder's
// database (WAL: it reads a consistent snapshot while the main connection writes) and the
// repositories over it, built as createAppContext builds them (the same flags and texts), without
// what only the main process may do (migrate, restore, sign, run jobs). A task that writes (the
// merge job) gets a writable connection instead, opened as the main one is (WAL, busy_timeout,
// the audit functions its triggers call; the main process migrated it already).
import { CampaignRepo } from '../core/campaigns/campaign-repo';
import { databasePath, openDatabase, openDatabaseReadOnly } from '../core/db/connection';
import { RankingService } from '../core/ranking/ranking-service';
import { entryRuleFlag, formalCheckFlag } from './entry-problem-text';
import type { WorkerContext } from './worker-tasks';

export function openWorkerContext(dataDir: string, nativeBinding?: string, writable = false): WorkerContext & { close(): void } {
  const db = writable ? openDatabase(databasePath(dataDir), { nativeBinding }) : openDatabaseReadOnly(databasePath(dataDir), { nativeBinding });
  const campaigns = new CampaignRepo(db);
  return { dataDir, db, campaigns, ranking: new RankingService(db, campaigns, entryRuleFlag, formalCheckFlag), close: () => db.close() };
}
