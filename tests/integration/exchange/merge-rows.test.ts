// The merge's results, row by row (issue 18): a set of bundles covering every path of the merge —
// first merges written in bulk, a second revision replacing the first in the same merge, an older
// revision arriving late, the same file twice, eligibility answers, comments for the judge and the
// entrant, a declared conflict, an entry emptied by the judge, an entry the coordinator already
// held a score for, and refusals of every kind — merged into the sample campaign, then every table
// the merge writes compared with the committed expectation (written by the merge as it was before
// the faster write path; __snapshots__/merge-rows.json). Random ids (campaign, judges, packages,
// keys, file hashes) and clock times are replaced by stable labels so the file is the same on every
// run. Refusals write nothing: every table is the same before and after a merge of refused files.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CampaignSummary } from '../../../src-main/contract';
import { type BundlePayload, readBundle, writeBundle } from '../../../src-main/core/exchange/bundle';
import { identityFromPrivateKey, publicKeyToBase64 } from '../../../src-main/core/keys/identity';
import { exchangeBundleReader, type FileOutcome, mergeBundleFiles } from '../../../src-main/core/merge/merge-bundles';
import { ok, openTestApp } from '../../helpers';

type App = ReturnType<typeof openTestApp>;

/** The tables a merge writes (audit_log: the merge's own rows). */
const TABLES = ['scores', 'reviews', 'eligibility_answers', 'comments', 'conflicts', 'bundles', 'audit_log'] as const;
const CREATED_AT = '2026-11-02T08:00:00.000Z';

/** An Ed25519 key from a fixed seed (RFC 8410 PKCS#8 prefix + 32 bytes), so signatures repeat. */
function seededKey(seed: string) {
  const raw = crypto.createHash('sha256').update(seed).digest();
  const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), raw]);
  return identityFromPrivateKey(crypto.createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }));
}

async function sampleWithKnownKeys() {
  const app = openTestApp();
  const works = await ok<CampaignSummary>(app.dispatch('demo:load', {}));
  const judges = app.ctx.db
    .prepare<[], { id: string; name: string; key_id: string; campaign_id: string }>('SELECT j.id, j.name, j.key_id, cj.campaign_id FROM judges j JOIN campaign_judges cj ON cj.judge_id = j.id WHERE j.key_id IS NOT NULL')
    .all();
  // The works campaign's bundles and the committee's (eligibility answers).
  const samples = ['sample-bundles', 'sample-bundles-committee'].flatMap((folder) => {
    const dir = path.join(app.dataDir, folder);
    return fs.readdirSync(dir).sort().map((f) => ({ fileName: f, read: readBundle(fs.readFileSync(path.join(dir, f))) }));
  });
  // Each judge gets a key the test holds; the sample bundles are signed again with it.
  const keys = new Map(judges.map((j) => [j.id, seededKey(`${j.name} ${j.campaign_id === works.id ? 'works' : 'committee'}`)]));
  for (const j of judges) app.ctx.db.prepare('UPDATE judges SET key_id = ?, public_key = ? WHERE id = ?').run(keys.get(j.id)!.keyId, publicKeyToBase64(keys.get(j.id)!.publicKey), j.id);
  const judgeOfOldKey = new Map(judges.map((j) => [j.key_id, j]));
  const bundles = samples.map((s) => {
    const judge = judgeOfOldKey.get(s.read.keyId)!;
    return { fileName: s.fileName, judge, payload: { ...s.read.payload, createdAt: CREATED_AT, judgeKeyId: keys.get(judge.id)!.keyId } as BundlePayload };
  });
  const sign = (payload: BundlePayload, judgeId: string) => writeBundle(payload, keys.get(judgeId)!.privateKey);
  const committee = app.ctx.db.prepare('SELECT id FROM campaigns WHERE id != ? ORDER BY id LIMIT 1').pluck().get(works.id) as string;
  return { app, works, committee, judges, bundles, keys, sign };
}

/** Every row of the merge's tables, with random ids and clock times replaced by stable labels. */
function dump(app: App, labels: Map<string, string>): Record<string, string[]> {
  const replace = (text: string) => {
    let out = text;
    for (const [from, to] of labels) out = out.split(from).join(to);
    return out.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<time>');
  };
  const out: Record<string, string[]> = {};
  for (const table of TABLES) {
    const where = table === 'audit_log' ? ` WHERE action = 'bundle.merge'` : '';
    const rows = app.ctx.db.prepare(`SELECT * FROM ${table}${where}`).all() as Record<string, unknown>[];
    out[table] = rows
      .map((row) => {
        const copy: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(row)) {
          if (table === 'audit_log' && (k === 'id' || k === 'hash' || k === 'prev_hash')) copy[k] = v === null ? null : '<chained>';
          else copy[k] = typeof v === 'string' ? replace(v) : v;
        }
        return JSON.stringify(copy);
      })
      .sort();
  }
  return out;
}

function labelsFor(s: Awaited<ReturnType<typeof sampleWithKnownKeys>>, files: { fileName: string; bytes: Buffer }[]): Map<string, string> {
  const labels = new Map<string, string>([[s.works.id, '<campaign>'], [s.committee, '<committee>']]);
  for (const j of s.judges) {
    const where = j.campaign_id === s.works.id ? '' : ' (committee)';
    labels.set(j.id, `<judge ${j.name}${where}>`);
    labels.set(s.keys.get(j.id)!.keyId, `<key ${j.name}${where}>`);
  }
  for (const b of s.bundles) labels.set(b.payload.packageId, `<package ${b.judge.name}${b.judge.campaign_id === s.works.id ? '' : ' (committee)'}>`);
  for (const f of files) {
    labels.set(crypto.createHash('sha256').update(f.bytes).digest('hex'), `<sha256 ${f.fileName}>`);
    // The stored envelope: the parsed envelope as JSON (its members in the schema's order).
    if (f.bytes.length > 0) {
      try {
        labels.set(JSON.stringify(readBundle(f.bytes).envelope), `<envelope ${f.fileName}>`);
      } catch {
        // a file refused as unreadable has no stored envelope
      }
    }
  }
  // Longest first: an envelope holds no label, but a label must not cut a longer one.
  return new Map([...labels].sort((a, b) => b[0].length - a[0].length));
}

function outcomesOf(outcomes: FileOutcome[], labels: Map<string, string>) {
  return JSON.parse(
    [...labels].reduce((text, [from, to]) => text.split(from).join(to), JSON.stringify(outcomes)),
  ) as unknown[];
}

describe('merge results row by row', () => {
  it('writes exactly the committed rows for bundles covering every path of the merge', async () => {
    const s = await sampleWithKnownKeys();
    const { app, works, sign } = s;
    const bundles = s.bundles.filter((b) => b.payload.campaignId === works.id);
    const files: { fileName: string; bytes: Buffer }[] = [];
    // Judge with two revisions (the sample's first judge): revision 2 first, revision 1 after it.
    const twice = bundles.filter((b) => bundles.filter((o) => o.judge.id === b.judge.id).length > 1).sort((a, b) => b.payload.revision - a.payload.revision);
    expect(twice.map((b) => b.payload.revision)).toEqual([2, 1]);
    for (const b of twice) files.push({ fileName: `${b.fileName}`, bytes: sign(b.payload, b.judge.id) });
    const plain = bundles.filter((b) => !twice.includes(b));
    // A judge who declared a conflict, emptied an entry, scored only part of another, and left one
    // without scores but complete.
    const varied = plain[0];
    const [e0, e1, e2, e3] = varied.payload.entries;
    const variedPayload: BundlePayload = {
      ...varied.payload,
      entries: [
        { ...e0, conflict: { reason: '同一单位 / same employer' }, comment: '', entrantComment: undefined },
        { ...e1, scores: {}, eligibility: {}, comment: '', entrantComment: undefined, complete: false },
        { ...e2, scores: Object.fromEntries(Object.entries(e2.scores).slice(0, 1)), complete: false },
        { ...e3, scores: {}, complete: true },
        ...varied.payload.entries.slice(4),
      ],
    };
    files.push({ fileName: varied.fileName, bytes: sign(variedPayload, varied.judge.id) });
    // A judge the coordinator already holds a score for (typed on this computer before the merge).
    const held = plain[1];
    const heldEntry = held.payload.entries[0].entryId;
    const dimension = Object.keys(held.payload.entries[0].scores)[0];
    app.ctx.reviews.setScore({ campaignId: works.id, judgeId: held.judge.id, entryId: heldEntry }, dimension, 1);
    files.push({ fileName: held.fileName, bytes: sign(held.payload, held.judge.id) });
    for (const b of plain.slice(2)) files.push({ fileName: b.fileName, bytes: sign(b.payload, b.judge.id) });
    // The same file again, under another name.
    files.push({ fileName: 'again.kepubundle', bytes: files[files.length - 1].bytes });
    // Refusals: altered signature, another campaign, an unknown one, a stranger's key, a package
    // of somebody else, an empty file, a malformed one.
    const good = files[2].bytes;
    const tampered = Buffer.from(good);
    const sigAt = tampered.lastIndexOf(Buffer.from('"sig":"')) + 8;
    tampered[sigAt] = tampered[sigAt] === 0x41 ? 0x42 : 0x41;
    files.push({ fileName: 'tampered.kepubundle', bytes: tampered });
    files.push({ fileName: 'committee.kepubundle', bytes: sign({ ...variedPayload, campaignId: s.committee }, varied.judge.id) });
    files.push({ fileName: 'unknown-campaign.kepubundle', bytes: sign({ ...variedPayload, campaignId: 'caca-elsewhere-2021-000000' }, varied.judge.id) });
    const stranger = seededKey('stranger');
    files.push({ fileName: 'stranger.kepubundle', bytes: writeBundle({ ...variedPayload, judgeKeyId: stranger.keyId }, stranger.privateKey) });
    files.push({ fileName: 'not-mine.kepubundle', bytes: sign({ ...twice[0].payload, packageId: held.payload.packageId }, twice[0].judge.id) });
    files.push({ fileName: 'empty.kepubundle', bytes: Buffer.alloc(0) });
    files.push({ fileName: 'malformed.kepubundle', bytes: Buffer.from('{"payload":') });

    // The committee's bundles, merged on their own: eligibility answers with notes.
    const committeeFiles = s.bundles.filter((b) => b.payload.campaignId === s.committee).map((b) => ({ fileName: b.fileName, bytes: sign(b.payload, b.judge.id) }));
    expect(committeeFiles.length).toBeGreaterThan(0);
    const labels = labelsFor(s, [...files, ...committeeFiles]);
    const outcomes = await mergeBundleFiles({ ...app.ctx, reader: exchangeBundleReader() }, works.id, files);
    const committeeOutcomes = await mergeBundleFiles({ ...app.ctx, reader: exchangeBundleReader() }, s.committee, committeeFiles);
    expect(committeeOutcomes.map((o) => o.status)).toEqual(committeeFiles.map(() => 'accepted'));
    expect(outcomes.map((o) => o.status)).toEqual([
      ...twice.map((_, i) => (i === 0 ? 'accepted' : 'superseded')),
      ...files.slice(twice.length, -8).map(() => 'accepted'),
      'duplicate',
      ...Array(7).fill('rejected'),
    ]);
    expect(outcomes.filter((o) => o.status === 'rejected').map((o) => o.code)).toEqual([
      'BUNDLE_SIGNATURE_INVALID',
      'BUNDLE_OTHER_CAMPAIGN',
      'BUNDLE_WRONG_CAMPAIGN',
      'BUNDLE_UNKNOWN_SIGNER',
      'BUNDLE_WRONG_PACKAGE',
      'BUNDLE_EMPTY',
      'BUNDLE_MALFORMED',
    ]);
    await expect(JSON.stringify({ outcomes: outcomesOf([...outcomes, ...committeeOutcomes], labels), tables: dump(app, labels) }, null, 1)).toMatchFileSnapshot('./__snapshots__/merge-rows.json');
    app.ctx.close();
  });

  it('writes nothing at all for refused files, whatever their reason', async () => {
    const s = await sampleWithKnownKeys();
    const { app, works, bundles, sign } = s;
    const b = bundles[0];
    const good = sign(b.payload, b.judge.id);
    const tampered = Buffer.from(good);
    const payloadAt = tampered.indexOf(Buffer.from('"payload":"')) + 20;
    tampered[payloadAt] = tampered[payloadAt] === 0x41 ? 0x42 : 0x41;
    const badSig = Buffer.from(good);
    const sigAt = badSig.lastIndexOf(Buffer.from('"sig":"')) + 8;
    badSig[sigAt] = badSig[sigAt] === 0x41 ? 0x42 : 0x41;
    const other = bundles.find((o) => o.judge.id !== b.judge.id)!;
    const files = [
      { fileName: 'payload-altered.kepubundle', bytes: tampered },
      { fileName: 'signature-altered.kepubundle', bytes: badSig },
      { fileName: 'elsewhere.kepubundle', bytes: sign({ ...b.payload, campaignId: 'caca-elsewhere-2021-000000' }, b.judge.id) },
      { fileName: 'replayed-for-another.kepubundle', bytes: sign({ ...b.payload, packageId: other.payload.packageId }, b.judge.id) },
    ];
    const labels = labelsFor(s, files);
    const before = dump(app, labels);
    const counts = () => TABLES.map((t) => app.ctx.db.prepare(`SELECT count(*) FROM ${t}`).pluck().get());
    const countsBefore = counts();
    const outcomes = await mergeBundleFiles({ ...app.ctx, reader: exchangeBundleReader() }, works.id, files);
    expect(outcomes.map((o) => (o.status === 'rejected' ? o.code : o.status))).toEqual([
      // A changed base64 character no longer decodes to the canonical JSON text.
      'BUNDLE_MALFORMED',
      'BUNDLE_SIGNATURE_INVALID',
      'BUNDLE_WRONG_CAMPAIGN',
      'BUNDLE_WRONG_PACKAGE',
    ]);
    expect(dump(app, labels)).toEqual(before);
    expect(counts()).toEqual(countsBefore);
    app.ctx.close();
  });
});
