import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src-main/core/files/canonical-json';
import { canonicalEnvelope, decodeBase64, encodeEnvelope, envelopeJson, pae, parseEnvelope, parseEnvelopeGenerally, parsePayload, sameJsonData, signEnvelope, verifyEnvelope } from '../../../src-main/core/exchange/dsse';
import { z } from 'zod';
import { keyIdOf } from '../../../src-main/core/keys/identity';

/** RFC 8032 §7.1 test 1: the private key seed and its public key. */
const RFC8032_SEED = Buffer.from('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', 'hex');
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const rfcKey = () => crypto.createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, RFC8032_SEED]), format: 'der', type: 'pkcs8' });

describe('the DSSE pre-authentication encoding', () => {
  it('matches the example of the DSSE specification', () => {
    expect(pae('http://example.com/HelloWorld', Buffer.from('hello world')).toString('utf8')).toBe('DSSEv1 29 http://example.com/HelloWorld 11 hello world');
  });

  it('counts bytes, not characters', () => {
    expect(pae('类型', Buffer.from('中文', 'utf8'))).toEqual(Buffer.concat([Buffer.from('DSSEv1 6 '), Buffer.from('类型'), Buffer.from(' 6 '), Buffer.from('中文')]));
  });

  it('is defined for an empty payload', () => {
    expect(pae('t', Buffer.alloc(0)).toString()).toBe('DSSEv1 1 t 0 ');
  });
});

describe('DSSE envelopes', () => {
  it('sign with standard Ed25519: the RFC 8032 key signs the RFC message to the RFC signature', () => {
    // Test 1 of RFC 8032 signs the empty message; Ed25519 is deterministic.
    const sig = crypto.sign(null, Buffer.alloc(0), rfcKey());
    expect(sig.toString('hex')).toBe(
      'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
    );
  });

  it('verify under the signing key and under no other', () => {
    const key = rfcKey();
    const envelope = signEnvelope('application/x-test', Buffer.from('{"a":1}'), key, keyIdOf(crypto.createPublicKey(key)));
    expect(verifyEnvelope(envelope, crypto.createPublicKey(key))).toBe(true);
    expect(verifyEnvelope(envelope, crypto.generateKeyPairSync('ed25519').publicKey)).toBe(false);
  });

  it('bind the payload type: the same signature under another type does not verify', () => {
    const key = rfcKey();
    const envelope = signEnvelope('application/x-a', Buffer.from('x'), key, 'k');
    expect(verifyEnvelope({ ...envelope, payloadType: 'application/x-b' }, crypto.createPublicKey(key))).toBe(false);
  });

  it('round-trip through their canonical bytes', () => {
    const envelope = signEnvelope('application/x-test', Buffer.from('hello'), rfcKey(), 'abc');
    const bytes = encodeEnvelope(envelope);
    expect(bytes.toString()).toMatch(/^\{"payload":"aGVsbG8=","payloadType":"application\/x-test","signatures":\[\{"keyid":"abc","sig":"[A-Za-z0-9+/]{86}=="\}\]\}$/);
    const parsed = parseEnvelope(bytes);
    expect(parsed).toMatchObject({ ok: true, envelope, payload: Buffer.from('hello') });
  });

  it('are refused when not in canonical form: spaces, a trailing newline, another key order, a BOM', () => {
    const envelope = signEnvelope('application/x-test', Buffer.from('hello'), rfcKey(), 'abc');
    const variants = [
      JSON.stringify(envelope, null, 1),
      `${encodeEnvelope(envelope).toString()}\n`,
      JSON.stringify({ payloadType: envelope.payloadType, payload: envelope.payload, signatures: envelope.signatures }),
      `\uFEFF${encodeEnvelope(envelope).toString()}`,
    ];
    for (const text of variants) expect(parseEnvelope(Buffer.from(text))).toMatchObject({ ok: false, problem: { path: '' } });
  });

  it('name the failing path of a structural problem', () => {
    expect(parseEnvelope(Buffer.from('{"payload":"aGk=","payloadType":"t","signatures":[{"keyid":"k"}]}'))).toMatchObject({ ok: false, problem: { path: 'signatures.0.sig' } });
    expect(parseEnvelope(Buffer.from('not json'))).toMatchObject({ ok: false, problem: { path: '', detail: expect.stringMatching(/^not JSON/) } });
    expect(parseEnvelope(Buffer.from([0xff, 0xfe]))).toMatchObject({ ok: false, problem: { detail: 'not UTF-8 text' } });
  });
});

describe('strict base64', () => {
  it('accepts canonical text and refuses non-zero padding bits, missing padding and foreign characters', () => {
    expect(decodeBase64('YQ==')).toEqual(Buffer.from('a'));
    expect(decodeBase64('YR==')).toBeNull();
    expect(decodeBase64('YQ')).toBeNull();
    expect(decodeBase64('Y-Q=')).toBeNull();
    expect(decodeBase64('')).toEqual(Buffer.alloc(0));
  });
});

describe('canonical JSON', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}');
  });

  it('gives the same bytes for the same content whatever the insertion order', () => {
    const one = { campaign: 'c', entries: [{ scores: { content: 8, creativity: 6.5 } }], revision: 2 };
    const two = { revision: 2, entries: [{ scores: { creativity: 6.5, content: 8 } }], campaign: 'c' };
    expect(canonicalJson(one)).toBe(canonicalJson(two));
  });

  it('sorts by UTF-16 code units and escapes like JSON.stringify (RFC 8785 for these values)', () => {
    expect(canonicalJson({ 'é': 1, z: 2, 'Z': 3, '中': 4, '\u2028': '\n"' })).toBe('{"Z":3,"z":2,"é":1,"\u2028":"\\n\\"","中":4}');
  });

  it('skips undefined properties and refuses values JSON cannot hold', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/not a finite number/);
    expect(() => canonicalJson({ a: new Date(0) })).toThrow(/not a plain object/);
    expect(() => canonicalJson(10n)).toThrow(/bigint/);
  });
});

describe('signed payloads in canonical form', () => {
  const any = z.unknown();
  const check = (text: string) => {
    const read = parsePayload(Buffer.from(text, 'utf8'), any);
    return read.ok ? 'ok' : `${read.problem.kind ?? 'schema'} ${read.problem.path}`;
  };

  it('takes exactly the canonical text, with the shortcut and without it (integer-like keys)', () => {
    expect(check('{"a":1,"b":[{"c":"x","d":null}],"e":true}')).toBe('ok');
    expect(check('{"b":1,"a":2}')).toBe('not-canonical payload');
    expect(check('{"a":1, "b":2}')).toBe('not-canonical payload');
    expect(check('{"a":1,"a":1}')).toBe('not-canonical payload');
    expect(check('{"a":1.0}')).toBe('not-canonical payload');
    // Integer-like keys: JavaScript enumerates them first, the canonical writer decides.
    expect(check('{"10":1,"9":2,"a":3}')).toBe('ok');
    expect(check('{"9":2,"10":1,"a":3}')).toBe('not-canonical payload');
  });

  it('refuses a number JSON cannot write back as not canonical (it used to end the merge with an internal error)', () => {
    expect(check('{"a":1e400}')).toBe('not-canonical payload');
    expect(check('{"10":1e400}')).toBe('not-canonical payload');
  });

  it('names the first reserved key before the first lone surrogate, each in document order', () => {
    expect(check('{"a":"\\ud800","b":{"__proto__":1}}')).toBe('reserved-key payload.b.__proto__');
    expect(check('{"a":[1,"\\ud800"],"b":"\\udc00"}')).toBe('not-canonical payload.a.1');
  });

  it('compares what a schema made of a payload with the payload as data', () => {
    expect(sameJsonData({ a: [1, { b: 'x' }], c: null }, { c: null, a: [1, { b: 'x' }] })).toBe(true);
    expect(sameJsonData({ a: 1, b: 2 }, { a: 1 })).toBe(false);
    expect(sameJsonData({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameJsonData({ a: 1 }, { a: 1, b: undefined })).toBe(true);
    expect(sameJsonData({ a: ' x' }, { a: 'x' })).toBe(false);
    expect(sameJsonData({ a: '2026-01-01' }, { a: new Date('2026-01-01') })).toBe(false);
    expect(sameJsonData([1, 2], { 0: 1, 1: 2 })).toBe(false);
  });
});

describe('the fast reading of an envelope as the writer writes it (issue 18)', () => {
  const key = rfcKey();
  const envelopes = [
    signEnvelope('application/vnd.kepu.bundle+json', Buffer.from('{"a":1}'), key, 'abc'),
    signEnvelope('t', Buffer.alloc(0), key, ''),
    signEnvelope('t', Buffer.from('x'), key, 'k'),
    signEnvelope('t', Buffer.from('xy'), key, 'k'),
    signEnvelope('类型 "quoted" \u2028', Buffer.from('中文'), key, 'é\\k'),
    { ...signEnvelope('t', Buffer.from('two'), key, 'a'), signatures: [{ keyid: 'a', sig: 'AAAA' }, { keyid: 'b', sig: 'YQ==' }] },
  ];

  /** Both ways must give the same answer: the same envelope (members in the same order) or the same problem. */
  const same = (bytes: Buffer) => {
    const fast = parseEnvelope(bytes);
    const general = parseEnvelopeGenerally(bytes);
    expect(fast).toEqual(general);
    if (fast.ok && general.ok) {
      expect(JSON.stringify(fast.envelope)).toBe(JSON.stringify(general.envelope));
      expect(envelopeJson(fast.envelope)).toBe(JSON.stringify(general.envelope));
    }
    return general.ok;
  };

  it('takes what encodeEnvelope writes, with the same envelope the general way reads', () => {
    for (const envelope of envelopes) {
      const bytes = encodeEnvelope(envelope);
      expect(same(bytes)).toBe(true);
      // The ASCII ones go the fast way (the escaped type is not ASCII: it goes the general way).
      if (bytes.every((b) => b < 0x80)) expect(canonicalEnvelope(bytes)).not.toBeNull();
    }
  });

  it('answers as the general way for every altered file', () => {
    const base = encodeEnvelope(envelopes[0]).toString('latin1');
    const variants = [
      base.replace('{"payload":"', '{ "payload":"'),
      base.replace('","payloadType"', '" ,"payloadType"'),
      base.replace('"payloadType"', '"payloadType" '),
      base.replace('"signatures"', '"payloadType":"t","signatures"'),
      base.replace('"signatures"', '"payload":"YQ==","signatures"'),
      base.replace('}]}', '}],"x":1}'),
      base.replace('"keyid":"abc",', ''),
      base.replace('"keyid":"abc"', '"keyid":"abc","keyid":"abc"'),
      base.replace('"keyid":"abc","sig":', '"sig":"YQ==","keyid":"abc","sig":'),
      base.replace('"signatures":[', '"signatures":[],"z":['),
      base.replace(/"signatures":\[.*\]/, '"signatures":[]'),
      base.replace('"payloadType":"application/vnd.kepu.bundle+json"', '"payloadType":""'),
      base.replace('"payloadType":"application/vnd.kepu.bundle+json"', '"payloadType":1'),
      base.replace('"payloadType":"application/vnd.kepu.bundle+json"', '"payloadType":"\\u0061"'),
      base.replace('"abc"', '"\\u00e9"'),
      base.replace('"abc"', '"ab\\/c"'),
      base.replace(/"sig":"([^"]*)=="/, '"sig":"$1=="'),
      base.replace(/"sig":"[^"]*"/, '"sig":"YR=="'),
      base.replace(/"sig":"[^"]*"/, '"sig":"YQ"'),
      base.replace(/"payload":"[^"]*"/, '"payload":"YR=="'),
      base.replace(/"payload":"[^"]*"/, '"payload":"YQ"'),
      base.replace(/"payload":"[^"]*"/, '"payload":"Y\\u0051=="'),
      base.replace(/"payload":"[^"]*"/, '"payload":""'),
      base.replace('{"payload":', '{"payload" :'),
      base.slice(0, -1),
      `${base}\n`,
      `${base} `,
      `${base}{}`,
      `\uFEFF${base}`,
      '{"payload":"',
      '{"payload":"",',
      '{"payload":"",}',
      '{"payload":""',
      '',
    ];
    for (const text of variants) same(Buffer.from(text, 'utf8'));
    // Every byte changed to a few others, and every prefix of the file.
    const bytes = Buffer.from(base, 'latin1');
    for (let i = 0; i < bytes.length; i++) {
      for (const b of [0x20, 0x22, 0x2c, 0x3d, 0x41, 0x5c, 0x7b, 0x7d, 0xc3, bytes[i] ^ 1]) {
        const copy = Buffer.from(bytes);
        copy[i] = b;
        same(copy);
      }
      same(bytes.subarray(0, i));
    }
  });
});
