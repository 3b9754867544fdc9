// A token that every write moves, kept in the database (core/db/change-token.ts says why and how).
// The triggers themselves are made by the migration runner after the last step, for every table
// there is then, so a later migration's new table gets them too.
import { createChangeToken } from '../change-token';
import type { Migration } from '../migration';

export const migration0028: Migration = {
  version: 28,
  name: 'change-token',
  up(db) {
    createChangeToken(db);
  },
};
