// The coordinator registers a judge from the key card the judge exported: the card's self-signature
// is checked, then the key is attached to an existing judge profile (chosen by the coordinator) or
// a new profile is made from the card's name and institution.
// Policy: the key that signed a judge's bundles stays that judge's key. Replacing it would let
// anyone holding the coordinator's machine make a card "for" that judge, sign a higher revision
// for the judge's package and overwrite the signed reviews through an ordinary merge (and would
// leave the stored bundles unverifiable). A judge who has sent nothing yet may get a new key.
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
      const owner = db.prepare('SELECT name FROM judges WHERE id = ?').pluck().get(holder) as string;
      throw new KepuError('JUDGE_KEY_TAKEN', `judges: key ${card.fingerprint} already belongs to another judge`, { fingerprint: card.fingerprint, judge: owner });
    }
    if (judgeId) {
      const current = db.prepare<[string], { name: string; key_id: string | null; fingerprint: string | null }>('SELECT name, key_id, fingerprint FROM judges WHERE id = ?').get(judgeId);
      const signed = db.prepare(`SELECT 1 FROM bundles WHERE judge_id = ? AND status IN ('accepted', 'superseded') LIMIT 1`).get(judgeId);
      if (current?.key_id && current.key_id !== card.keyId && signed) {
        throw new KepuError('JUDGE_KEY_SIGNED', `judges: ${current.name}'s bundles were signed with ${current.fingerprint}; ${card.fingerprint} is refused`, {
          judge: current.name,
          fingerprint: current.fingerprint ?? '',
          newFingerprint: card.fingerprint,
        });
      }
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
