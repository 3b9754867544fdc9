// The bundle's fast check (issue 18) against the general path it short-cuts: zod's BundlePayload
// after the canonical-form walk (dsse.ts parsePayload without certainlyValid), then the comparison
// readBundle makes of zod's output with the parsed JSON. Every valid variant must be accepted by
// both with the same data; every malformed variant must be refused by both with the same problem
// (path, detail, kind), and the fast check must never vouch for it.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BundleEntry, bundleCertainlyValid, BundlePayload } from '../../../src-main/core/exchange/bundle';
import { entriesCertainlyValid } from '../../../src-main/core/exchange/bundle-entries-check';
import { parsePayload, sameJsonData } from '../../../src-main/core/exchange/dsse';
import { canonicalJson } from '../../../src-main/core/files/canonical-json';

type Json = Record<string, unknown>;

const entry = (i: number, extra: Json = {}): Json => ({
  regNo: `SC-2026-${String(i).padStart(5, '0')}`,
  entryId: i,
  scores: { communication: 7, content: 8.5, creativity: 0 },
  eligibility: {},
  conflict: null,
  comment: '',
  complete: true,
  revision: 3,
  ...extra,
});

const payload = (entries: unknown[], header: Json = {}): Json => ({
  v: 1,
  kind: 'kepu.bundle',
  packageId: 'pkg-0a1b2c3d4e5f',
  campaignId: 'c-1',
  judgeKeyId: 'a'.repeat(64),
  revision: 2,
  createdAt: '2026-11-02T08:00:00.000Z',
  entries,
  ...header,
});

/** What readBundle made of a payload before the fast check: the walk and zod, then the data compared. */
function generalPath(bytes: Buffer) {
  const decoded = parsePayload(bytes, BundlePayload);
  if (!decoded.ok) return decoded;
  return sameJsonData(decoded.raw, decoded.value) ? { ok: true as const, value: decoded.value } : { ok: false as const, problem: 'schema dropped data' };
}

function fastPath(bytes: Buffer) {
  const decoded = parsePayload(bytes, BundlePayload, { canonical: true, certainlyValid: bundleCertainlyValid });
  if (!decoded.ok) return decoded;
  return sameJsonData(decoded.raw, decoded.value) ? { ok: true as const, value: decoded.value } : { ok: false as const, problem: 'schema dropped data' };
}

const bytesOf = (value: unknown) => Buffer.from(canonicalJson(value), 'utf8');

/** A payload whose second entry is `bad` (an entry object or its canonical JSON text spliced in). */
function withSecondEntry(bad: unknown): Buffer {
  if (typeof bad !== 'string') return bytesOf(payload([entry(1), bad, entry(3)]));
  const marker = '"__SPLICE__"';
  return Buffer.from(canonicalJson(payload([entry(1), '__SPLICE__', entry(3)])).replace(marker, bad), 'utf8');
}

const long = (n: number, unit = 'x') => unit.repeat(n);
const without = (key: string): Json => {
  const copy = entry(2);
  delete copy[key];
  return copy;
};

const VALID: [string, Buffer][] = [
  ['plain entries', bytesOf(payload([entry(1), entry(2), entry(3)]))],
  ['no entries', bytesOf(payload([]))],
  ['every optional field and answer', bytesOf(payload([entry(1, { entrantComment: '写得好 👍', comment: '内容准确', eligibility: { age_ok: { answer: 'yes', note: '' }, original: { answer: 'unsure', note: '待核实' } }, conflict: { reason: '同事' }, complete: false, revision: 0 })]))],
  ['strings at their limits', bytesOf(payload([entry(1, { regNo: long(100), comment: long(20_000), entrantComment: long(20_000), conflict: { reason: long(2_000) }, eligibility: { [`a${long(59, 'b')}`]: { answer: 'no', note: long(5_000) } } })]))],
  ['limits counted in code points (zod) but over in UTF-16 units', bytesOf(payload([entry(1, { regNo: long(51, '😀'), comment: long(10_001, '😀') })]))],
  ['the largest safe entry id and revision', bytesOf(payload([entry(Number.MAX_SAFE_INTEGER, { revision: Number.MAX_SAFE_INTEGER })]))],
  ['a header with rounds and a definition version', bytesOf(payload([entry(1)], { rounds: [{ list: 'works', roundNo: 2 }], definitionVersion: 4 }))],
  ['negative and fractional scores', bytesOf(payload([entry(1, { scores: { a: -1.25, b: 1e-7, c: 1e21 } })]))],
];

const MALFORMED: [string, Buffer][] = [
  ['an entry that is null', withSecondEntry(null)],
  ['an entry that is an array', withSecondEntry([])],
  ['an entry that is a number', withSecondEntry(5)],
  ['an entry that is a string', withSecondEntry('"x"')],
  ...['regNo', 'entryId', 'scores', 'eligibility', 'conflict', 'comment', 'complete', 'revision'].map((key): [string, Buffer] => [`an entry without ${key}`, withSecondEntry(without(key))]),
  ['an unknown key', withSecondEntry(entry(2, { extra: 1 }))],
  ['a "__proto__" key in an entry', withSecondEntry(canonicalJson(entry(2)).replace('{', '{"__proto__":1,'))],
  ['a "__proto__" key in scores', withSecondEntry(canonicalJson(entry(2)).replace('"scores":{', '"scores":{"__proto__":1,'))],
  ['entry keys out of order', withSecondEntry(canonicalJson(entry(2)).replace('"comment":"",', '').replace('"scores"', '"comment":"","scores"'))],
  ['score keys out of order', withSecondEntry(canonicalJson(entry(2)).replace('"communication":7,"content":8.5', '"content":8.5,"communication":7'))],
  ['whitespace inside an entry', withSecondEntry(canonicalJson(entry(2)).replace('"complete":true', '"complete": true'))],
  ['a duplicate key', withSecondEntry(canonicalJson(entry(2)).replace('"comment":""', '"comment":"","comment":""'))],
  ['an empty regNo', withSecondEntry(entry(2, { regNo: '' }))],
  ['a regNo of 101 characters', withSecondEntry(entry(2, { regNo: long(101) }))],
  ['a regNo of 101 emoji', withSecondEntry(entry(2, { regNo: long(101, '😀') }))],
  ['a regNo with a control character', withSecondEntry(entry(2, { regNo: 'SC\u0007' }))],
  ['a regNo with a bidi control', withSecondEntry(entry(2, { regNo: 'SC\u202E1' }))],
  ['a regNo with a lone surrogate', withSecondEntry(entry(2, { regNo: 'SC\uD800' }))],
  ['a regNo that is a number', withSecondEntry(entry(2, { regNo: 12 }))],
  ['entry id 0', withSecondEntry(entry(2, { entryId: 0 }))],
  ['entry id -1', withSecondEntry(entry(2, { entryId: -1 }))],
  ['entry id 1.5', withSecondEntry(entry(2, { entryId: 1.5 }))],
  ['entry id 2^53', withSecondEntry(entry(2, { entryId: 2 ** 53 }))],
  ['entry id as text', withSecondEntry(entry(2, { entryId: '2' }))],
  ['entry id null', withSecondEntry(entry(2, { entryId: null }))],
  ['entry id written 2.0', withSecondEntry(canonicalJson(entry(2)).replace('"entryId":2', '"entryId":2.0'))],
  ['a duplicate entry id', withSecondEntry(entry(1))],
  ['scores that are an array', withSecondEntry(entry(2, { scores: [1] }))],
  ['scores that are null', withSecondEntry(entry(2, { scores: null }))],
  ['an upper-case dimension key', withSecondEntry(entry(2, { scores: { Content: 1 } }))],
  ['an integer-like dimension key', withSecondEntry(entry(2, { scores: { '1': 1 } }))],
  ['a dimension key of 61 characters', withSecondEntry(entry(2, { scores: { [`a${long(60, 'b')}`]: 1 } }))],
  ['an empty dimension key', withSecondEntry(entry(2, { scores: { '': 1 } }))],
  ['a score as text', withSecondEntry(entry(2, { scores: { content: '1' } }))],
  ['a null score', withSecondEntry(entry(2, { scores: { content: null } }))],
  ['a score of 1e400', withSecondEntry(canonicalJson(entry(2)).replace('"content":8.5', '"content":1e400'))],
  ['a score written 8.50', withSecondEntry(canonicalJson(entry(2)).replace('"content":8.5', '"content":8.50'))],
  ['an unknown answer', withSecondEntry(entry(2, { eligibility: { age_ok: { answer: 'maybe', note: '' } } }))],
  ['an answer without a note', withSecondEntry(entry(2, { eligibility: { age_ok: { answer: 'yes' } } }))],
  ['an answer with an extra key', withSecondEntry(entry(2, { eligibility: { age_ok: { answer: 'yes', note: '', x: 1 } } }))],
  ['a note of 5,001 characters', withSecondEntry(entry(2, { eligibility: { age_ok: { answer: 'yes', note: long(5_001) } } }))],
  ['a note that is a number', withSecondEntry(entry(2, { eligibility: { age_ok: { answer: 'yes', note: 1 } } }))],
  ['an answer that is a string', withSecondEntry(entry(2, { eligibility: { age_ok: 'yes' } }))],
  ['an eligibility item with a bad key', withSecondEntry(entry(2, { eligibility: { 'age-ok': { answer: 'yes', note: '' } } }))],
  ['eligibility that is an array', withSecondEntry(entry(2, { eligibility: [] }))],
  ['a conflict without a reason', withSecondEntry(entry(2, { conflict: {} }))],
  ['a conflict reason that is a number', withSecondEntry(entry(2, { conflict: { reason: 5 } }))],
  ['a conflict with an extra key', withSecondEntry(entry(2, { conflict: { reason: 'x', since: 1 } }))],
  ['a conflict reason of 2,001 characters', withSecondEntry(entry(2, { conflict: { reason: long(2_001) } }))],
  ['a conflict that is a string', withSecondEntry(entry(2, { conflict: 'colleague' }))],
  ['a conflict reason with a lone surrogate', withSecondEntry(entry(2, { conflict: { reason: '\uDC00' } }))],
  ['a comment of 20,001 characters', withSecondEntry(entry(2, { comment: long(20_001) }))],
  ['a comment that is null', withSecondEntry(entry(2, { comment: null }))],
  ['a comment with a lone surrogate', withSecondEntry(entry(2, { comment: 'a\uD83Db' }))],
  ['an empty entrant comment', withSecondEntry(entry(2, { entrantComment: '' }))],
  ['an entrant comment of 20,001 characters', withSecondEntry(entry(2, { entrantComment: long(20_001) }))],
  ['an entrant comment that is a number', withSecondEntry(entry(2, { entrantComment: 1 }))],
  ['an entrant comment that is null', withSecondEntry(entry(2, { entrantComment: null }))],
  ['complete as text', withSecondEntry(entry(2, { complete: 'true' }))],
  ['complete as 1', withSecondEntry(entry(2, { complete: 1 }))],
  ['revision -1', withSecondEntry(entry(2, { revision: -1 }))],
  ['revision 1.5', withSecondEntry(entry(2, { revision: 1.5 }))],
  ['revision as text', withSecondEntry(entry(2, { revision: '3' }))],
  ['revision written -0', withSecondEntry(canonicalJson(entry(2)).replace('"revision":3', '"revision":-0'))],
  ['entries that are an object', bytesOf(payload({ 0: entry(1) } as unknown as unknown[]))],
  ['no entries at all', bytesOf(Object.fromEntries(Object.entries(payload([])).filter(([key]) => key !== 'entries')))],
  ['format version 2', bytesOf(payload([entry(1)], { v: 2 }))],
  ['an unknown header key', bytesOf(payload([entry(1)], { extra: true }))],
  ['a bad createdAt', bytesOf(payload([entry(1)], { createdAt: 'yesterday' }))],
  ['an upper-case judge key id', bytesOf(payload([entry(1)], { judgeKeyId: 'A'.repeat(64) }))],
  ['a round with an extra key', bytesOf(payload([entry(1)], { rounds: [{ list: 'works', roundNo: 1, x: 1 }] }))],
  ['a "__proto__" key in the header', Buffer.from(canonicalJson(payload([entry(1)])).replace('{', '{"__proto__":{},'), 'utf8')],
  ['a payload that is an array', bytesOf([payload([entry(1)])])],
];

describe('the fast check of a bundle payload', () => {
  it('mirrors the BundleEntry schema pinned here (change both together)', () => {
    expect(JSON.stringify(z.toJSONSchema(BundleEntry, { io: 'input' }))).toBe(
      '{"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object","properties":{"regNo":{"type":"string","minLength":1,"maxLength":100,"pattern":"^[^\\\\u0000-\\\\u001F\\\\u007F-\\\\u009F\\\\u202A-\\\\u202E\\\\u2066-\\\\u2069]+$"},"entryId":{"type":"integer","exclusiveMinimum":0,"maximum":9007199254740991},"scores":{"type":"object","propertyNames":{"type":"string","maxLength":60,"pattern":"^[a-z][a-z0-9_]*$"},"additionalProperties":{"type":"number"}},"eligibility":{"type":"object","propertyNames":{"type":"string","maxLength":60,"pattern":"^[a-z][a-z0-9_]*$"},"additionalProperties":{"type":"object","properties":{"answer":{"type":"string","enum":["yes","no","unsure"]},"note":{"type":"string","maxLength":5000}},"required":["answer","note"],"additionalProperties":false}},"conflict":{"anyOf":[{"type":"object","properties":{"reason":{"type":"string","maxLength":2000}},"required":["reason"],"additionalProperties":false},{"type":"null"}]},"comment":{"type":"string","maxLength":20000},"entrantComment":{"type":"string","minLength":1,"maxLength":20000},"complete":{"type":"boolean"},"revision":{"type":"integer","minimum":0,"maximum":9007199254740991}},"required":["regNo","entryId","scores","eligibility","conflict","comment","complete","revision"],"additionalProperties":false}',
    );
  });

  it.each(VALID)('accepts %s as the general path does, with the same data', (_, bytes) => {
    const general = generalPath(bytes);
    expect(general.ok).toBe(true);
    expect(fastPath(bytes)).toEqual(general);
  });

  it('vouches for the plain variants itself (so the merge takes the fast way)', () => {
    for (const [name, bytes] of VALID) {
      if (name.startsWith('limits counted in code points')) continue; // left to zod on purpose
      expect(bundleCertainlyValid(JSON.parse(bytes.toString('utf8'))), name).toBe(true);
    }
  });

  it.each(MALFORMED)('refuses %s exactly as the general path does, and never vouches for it', (_, bytes) => {
    const general = generalPath(bytes);
    expect(general.ok).toBe(false);
    expect(fastPath(bytes)).toEqual(general);
    let raw: unknown;
    try {
      raw = JSON.parse(bytes.toString('utf8'));
    } catch {
      return;
    }
    // Text that differs from JSON.stringify's may still parse to a valid value: parsePayload then
    // compares the bytes. A value the schema or the walk refuses is never vouched for.
    if (JSON.stringify(raw) === bytes.toString('utf8')) expect(bundleCertainlyValid(raw)).toBe(false);
  });

  it('agrees with the general path on a few hundred random changes to entries', () => {
    // A small deterministic generator (mulberry32): the same cases on every run.
    let seed = 18;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
    const keys = ['regNo', 'entryId', 'scores', 'eligibility', 'conflict', 'comment', 'entrantComment', 'complete', 'revision', 'extra'];
    const values: unknown[] = [null, true, false, 0, -0, 1, -1, 2.5, 2 ** 53, '', 'x', long(101), '\uD800', '😀', [], {}, { content: 1 }, { Content: 1 }, { reason: 'r' }, { a: { answer: 'yes', note: '' } }, { a: { answer: 'no' } }, 'SC-1'];
    let accepted = 0;
    for (let i = 0; i < 400; i++) {
      const entries = [entry(1), entry(2), entry(3)];
      for (let k = 0; k < 1 + Math.floor(random() * 2); k++) {
        const target = pick(entries);
        const key = pick(keys);
        if (random() < 0.15) delete target[key];
        else target[key] = pick(values);
      }
      const bytes = bytesOf(payload(entries));
      const general = generalPath(bytes);
      if (general.ok) accepted++;
      expect(fastPath(bytes), `case ${i}: ${bytes.toString('utf8').slice(0, 400)}`).toEqual(general);
      const raw = JSON.parse(bytes.toString('utf8')) as { entries: unknown[] };
      if (!general.ok && JSON.stringify(raw) === bytes.toString('utf8')) expect(entriesCertainlyValid(raw.entries)).toBe(false);
    }
    // Some random changes are valid (an empty comment, a complete flag): both paths are exercised.
    expect(accepted).toBeGreaterThan(10);
  });
});
