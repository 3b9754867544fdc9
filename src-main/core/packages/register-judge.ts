// The coordinator registers a judge from the key card the judge exported: the card's self-signature
// is checked, then the key is attached to an existing judge profile (chosen by the coordinator) or
// a new profile is made from the card's name and institution.
import type { Database } from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { KepuError } from '../errors';
import { readKeyCard } from '../keys/key-card';
import { nowIso } from '../time';

export function registerKeyCard(db: Database, campaignId: string, cardBytes: Buffer, attachTo?: string) {
  const { card } = readKeyCard(cardBytes);
  return db.transaction(() => {
    const holder = db.prepare('SELECT id FROM judges WHERE key_id = ?').pluck().get(card.keyId) as string | undefined;
    let judgeId = holder ?? attachTo;
    if (attachTo && holder && holder !== attachTo) {
      throw new KepuError('KEY_EXISTS', `judges: key ${card.fingerprint} already belongs to another judge`, { fingerprint: card.fingerprint });
    }
    if (judgeId) {
      const updated = db.prepare('UPDATE judges SET key_id = ?, public_key = ?, fingerprint = ? WHERE id = ?').run(card.keyId, card.publicKey, card.fingerprint, judgeId);
      if (updated.changes === 0) throw new KepuError('JUDGE_NOT_FOUND', `judges: no judge ${judgeId}`, { judgeId });
    } else {
      judgeId = `j-${randomBytes(4).toString('hex')}`;
      db.prepare('INSERT INTO judges (id, name, institution, public_key, fingerprint, key_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
        judgeId, card.name, card.institution, card.publicKey, card.fingerprint, card.keyId, nowIso(),
      );
    }
    db.prepare('INSERT OR IGNORE INTO campaign_judges (campaign_id, judge_id) VALUES (?, ?)').run(campaignId, judgeId);
    db.prepare(`INSERT INTO audit_log (at, actor, action, subject, details_json) VALUES (?, 'local', 'judge.register_key', ?, ?)`).run(
      nowIso(), judgeId, JSON.stringify({ campaignId, fingerprint: card.fingerprint }),
    );
    return { judgeId, name: card.name, institution: card.institution, fingerprint: card.fingerprint };
  })();
}
