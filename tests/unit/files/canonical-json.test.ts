// The one canonical-JSON writer (src-main/core/files/canonical-json.ts). Signatures issued before
// it existed must still verify, so the bytes are pinned: the SHA-256 values below are what the two
// writers it replaced (exchange/canonical-json.ts, and the ranking snapshot's sorted copy written
// by JSON.stringify) produced for the same samples, recorded before they were removed; both gave
// identical bytes, equal to RFC 8785 as the `canonicalize` package writes it.
import crypto from 'node:crypto';
import canonicalize from 'canonicalize';
import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalJsonBytes } from '../../../src-main/core/files/canonical-json';
import { parseRankingConfig } from '../../../src-main/core/ranking/config';
import { runRanking } from '../../../src-main/core/ranking/run-ranking';
import { buildSnapshot, snapshotBytes } from '../../../src-main/core/ranking/snapshot';
import { campaignScores, generate } from '../ranking/fixtures';
import { samples } from './canonical-json-samples';

const sha256 = (text: string) => crypto.createHash('sha256').update(text, 'utf8').digest('hex');

/** SHA-256 of each sample as the replaced writers wrote it. */
const before: Record<string, string> = {
  numbers: 'f9b012de1425e50afbd3721b79d338de486961ee2c7c4d1ea911566f115a021c',
  text: 'b90bcd9797f975aeefdd19c13f01980a5f11c39ca428e726d6f8cc29cc01f45c',
  keys: '39d8cc8872b0caa866b7b1ce7d592dceac8da21880c6d6237f2191baf78461e7',
  nested: '82adb18c90e97ea060120b0a2ab8936b2166ac53dadbbdf3ca54add1785b2e6c',
  dropped: '7c9ba9a3a0d1cf4f3310a751f45ba2e44c1de62eb6bc5fa6d48260b34817db5e',
  bundle: '2bfa02eb08f0ca5d70ce42cc003d5b7df38a84311124be338d6f0316f9970475',
};

describe('canonical JSON', () => {
  it.each(Object.keys(samples))('writes %s as before and as RFC 8785 (canonicalize) does', (name) => {
    const text = canonicalJson(samples[name]);
    expect(text).toBe(canonicalize(samples[name]));
    expect(sha256(text)).toBe(before[name]);
    expect(canonicalJsonBytes(samples[name]).equals(Buffer.from(text, 'utf8'))).toBe(true);
  });

  it('writes the exact text for numbers, negative zero, CJK and sorted keys', () => {
    expect(canonicalJson({ b: [0.1, -0, 1e21, 2 ** 53 - 1, 1.5e-7], a: '科普', '中': true, B: null })).toBe(
      '{"B":null,"a":"科普","b":[0.1,0,1e+21,9007199254740991,1.5e-7],"中":true}',
    );
    expect(canonicalJson({ z: undefined, y: [undefined] })).toBe('{"y":[null]}');
  });

  it('keeps integer-like keys in code-unit order (they go through canonicalize)', () => {
    const value = { b: 1, '10': 2, '9': 3, a: { '2': 'x', '10': 'y' } };
    expect(canonicalJson(value)).toBe('{"10":2,"9":3,"a":{"10":"y","2":"x"},"b":1}');
    expect(canonicalJson(value)).toBe(canonicalize(value));
  });

  it('keeps a "__proto__" member as a member', () => {
    const value = JSON.parse('{"b":1,"__proto__":{"x":1}}') as unknown;
    expect(canonicalJson(value)).toBe('{"__proto__":{"x":1},"b":1}');
  });

  it('refuses what is not plain JSON data, naming where', () => {
    expect(() => canonicalJson({ a: [1, Number.NaN] })).toThrow('canonical-json: $.a[1] is not a finite number');
    expect(() => canonicalJson({ a: Infinity })).toThrow('canonical-json: $.a is not a finite number');
    expect(() => canonicalJson({ at: new Date(0) })).toThrow('canonical-json: $.at is not a plain object');
    expect(() => canonicalJson({ n: 1n })).toThrow('canonical-json: $.n cannot be written as JSON (bigint)');
    expect(() => canonicalJson({ f: () => 1 })).toThrow('canonical-json: $.f cannot be written as JSON (function)');
    expect(() => canonicalJson([Symbol('s')])).toThrow('canonical-json: $[0] cannot be written as JSON (symbol)');
    expect(() => canonicalJson(undefined)).toThrow('canonical-json: $ cannot be written as JSON (undefined)');
  });

  it('writes a real ranking snapshot exactly as canonicalize does', () => {
    const data = campaignScores(generate({ entries: 150, judges: 9, seed: 5 }));
    const config = parseRankingConfig({ tiers: [{ key: 'influence', by: 'rank', count: 10 }] });
    const snapshot = buildSnapshot(data, runRanking(data, config, new Map()), new Map());
    expect(snapshotBytes(snapshot).toString('utf8')).toBe(canonicalize(snapshot));
  });
});
