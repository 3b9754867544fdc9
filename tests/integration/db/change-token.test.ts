// The change token (core/db/change-token.ts): every table moves it on every kind of write, a
// rolled-back write does not, it survives closing the database, and a table a later migration
// adds gets the triggers too.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { changeToken, changeTriggerName, CHANGE_TOKEN_TABLE } from '../../../src-main/core/db/change-token';
import { databasePath, openDatabase } from '../../../src-main/core/db/connection';
import { migrations } from '../../../src-main/core/db/migrations';
import { tempDir } from '../../helpers';

describe('the change token', () => {
  it('has three triggers on every table but its own', () => {
    const db = openDatabase(databasePath(tempDir()));
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> ?`).pluck().all(CHANGE_TOKEN_TABLE) as string[];
    const triggers = new Set(db.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger'`).pluck().all() as string[]);
    expect(tables.length).toBeGreaterThan(50);
    for (const table of tables) for (const write of ['insert', 'update', 'delete'] as const) expect(triggers.has(changeTriggerName(table, write)), `${table} ${write}`).toBe(true);
    db.close();
  });

  it('moves with an insert, an update and a delete, stays on a rollback and across a restart', () => {
    const dir = tempDir();
    const db = openDatabase(databasePath(dir));
    const seen = [changeToken(db)];
    expect(seen[0]).toMatch(/^[0-9A-F]{16}$/);
    db.prepare(`INSERT INTO settings (key, value) VALUES ('probe', '1')`).run();
    seen.push(changeToken(db));
    db.prepare(`UPDATE settings SET value = '2' WHERE key = 'probe'`).run();
    seen.push(changeToken(db));
    db.prepare(`DELETE FROM settings WHERE key = 'probe'`).run();
    seen.push(changeToken(db));
    expect(new Set(seen).size).toBe(4);
    // Nothing matched: nothing written, the token stays.
    db.prepare(`UPDATE settings SET value = '3' WHERE key = 'absent'`).run();
    expect(changeToken(db)).toBe(seen[3]);
    expect(() =>
      db.transaction(() => {
        db.prepare(`INSERT INTO settings (key, value) VALUES ('probe', '1')`).run();
        throw new Error('rolled back');
      })(),
    ).toThrow('rolled back');
    expect(changeToken(db)).toBe(seen[3]);
    db.close();
    const again = openDatabase(databasePath(dir));
    expect(changeToken(again)).toBe(seen[3]);
    again.close();
  });

  it('is moved by a write of another connection, as the other process sees it', () => {
    const dir = tempDir();
    const db = openDatabase(databasePath(dir));
    const reader = new Database(databasePath(dir), { readonly: true });
    const before = changeToken(reader);
    db.prepare(`INSERT INTO settings (key, value) VALUES ('probe', '1')`).run();
    expect(changeToken(reader)).not.toBe(before);
    expect(changeToken(reader)).toBe(changeToken(db));
    reader.close();
    db.close();
  });

  it('covers a table a later migration adds', () => {
    const dir = tempDir();
    openDatabase(databasePath(dir)).close();
    const later = [...migrations, { version: migrations.length + 1, name: 'later', up: (d: Database.Database) => d.exec('CREATE TABLE later_things (id INTEGER PRIMARY KEY) STRICT') }];
    const db = openDatabase(databasePath(dir), { migrations: later });
    const before = changeToken(db);
    db.prepare('INSERT INTO later_things (id) VALUES (1)').run();
    expect(changeToken(db)).not.toBe(before);
    db.close();
    expect(fs.existsSync(databasePath(dir))).toBe(true);
  });

  it('is null in a database from before it', () => {
    const db = new Database(':memory:');
    expect(changeToken(db)).toBeNull();
    db.close();
  });
});
