// Evidence tied to an eligibility item (issue 16): a committee applicant's 执业证书 scan is the
// evidence for "practising doctor", a title certificate for "attending or above". The coordinator
// (or the importer, from the file's name) ties a file to the item it proves; the review package
// carries the tie, and the judge sees the file beside that item. Null: the file proves no item in
// particular (a work, a photo). The key is the list's eligibility item key; a key the definition no
// longer has is shown as untied, never deleted (the definition may come back).
import type { Migration } from '../migration';

export const migration0027: Migration = {
  version: 27,
  name: 'evidence-items',
  up(db) {
    db.exec(`ALTER TABLE assets ADD COLUMN eligibility_item TEXT CHECK (eligibility_item IS NULL OR length(eligibility_item) BETWEEN 1 AND 60);`);
  },
};
