// The folder of works last linked to a campaign, and the pattern it was linked with: the media tab
// shows it again when the coordinator comes back (today, tomorrow, after a restart) and checks it
// again in one click. Kept in the settings table per campaign; a path as the user typed it (a
// Windows path stays a Windows path), resolved only when the folder is linked.
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { readSetting, writeSetting } from '../settings/setting-values';
import { nowIso } from '../time';

const Stored = z.object({ folder: z.string().min(1), pattern: z.string().nullable(), linkedAt: z.string() });
export type LastMediaFolder = z.infer<typeof Stored>;

const keyOf = (campaignId: string) => `media.lastFolder.${campaignId}`;

export function rememberMediaFolder(db: Database, campaignId: string, linked: { folder: string; pattern: string | null }): void {
  writeSetting(db, keyOf(campaignId), JSON.stringify({ folder: linked.folder.trim(), pattern: linked.pattern?.trim() || null, linkedAt: nowIso() }));
}

/** null when no folder was linked (or the stored value is unreadable: then it is simply forgotten). */
export function lastMediaFolder(db: Database, campaignId: string): LastMediaFolder | null {
  const raw = readSetting(db, keyOf(campaignId));
  if (raw === undefined) return null;
  try {
    const parsed = Stored.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
