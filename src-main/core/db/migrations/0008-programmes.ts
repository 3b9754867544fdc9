// Programme files (issue 12): a campaign remembers the description and source of the programme it
// was made from, so exporting it as a programme file gives back the file it came from. Null for
// campaigns made before (the export then falls back to the built-in template of the same id).
import type { Migration } from '../migration';

export const migration0008: Migration = {
  version: 8,
  name: 'programmes',
  up(db) {
    db.exec(`ALTER TABLE campaigns ADD COLUMN programme_json TEXT;`);
  },
};
