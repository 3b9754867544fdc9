// Issue 11, item 6: identifiers read from another installation's files (judge, campaign and
// package ids, registration numbers, category and rubric keys, certificate serials) refuse bidirectional control
// characters, which would make one id display as another; ordinary ids still pass.
import { describe, expect, it } from 'vitest';
import { FileIdentifier, hasBidiControl, isSafeRegNo,
  normalizeRegNo, showBidiControls } from '../../../src-main/contract';
import { decodePayload, encodePayload } from '../../../src-main/core/certificates/payload';
import { BundleEntry, BundlePayload } from '../../../src-main/core/exchange/bundle';
import { PackageEntry, PackageManifest } from '../../../src-main/core/exchange/package-manifest';

const controls = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];

describe('identifiers from files', () => {
  const entry = { regNo: 'SC2023-0001', entryId: 1, scores: { content: 8 }, eligibility: {}, conflict: null, comment: '', complete: true, revision: 1 };
  const packageEntry = { entryId: 1, regNo: 'SC2023-0001', kind: 'work', category: 'video', title: 't', entrantName: null, entrantUnit: null, reason: null, fields: {}, assets: [] };

  it('accept ordinary ids and registration numbers', () => {
    expect(BundleEntry.safeParse(entry).success).toBe(true);
    expect(PackageEntry.safeParse(packageEntry).success).toBe(true);
    expect(PackageManifest.shape.judge.safeParse({ id: 'j-1a2b3c4d', name: '王医生', keyId: null }).success).toBe(true);
    expect(FileIdentifier.safeParse('sichuan-influence-2023-a1b2c3').success).toBe(true);
    expect(FileIdentifier.safeParse('报名 编号 with space').success).toBe(true); // older reg nos travel
  });

  it('refuse every bidi control (and control characters) in judge ids, reg nos, campaign and package ids', () => {
    for (const c of [...controls, '\u0000', '\n', '\u0085']) {
      expect(BundleEntry.safeParse({ ...entry, regNo: `SC2023${c}0001` }).success, JSON.stringify(c)).toBe(false);
      expect(PackageEntry.safeParse({ ...packageEntry, regNo: `SC${c}1` }).success).toBe(false);
      expect(PackageManifest.shape.judge.safeParse({ id: `j-${c}1`, name: '王医生', keyId: null }).success).toBe(false);
      expect(PackageManifest.shape.packageId.safeParse(`pkg-${c}`).success).toBe(false);
      expect(BundlePayload.shape.campaignId.safeParse(`c${c}`).success).toBe(false);
    }
  });

  it('hold category, rubric and eligibility keys to the definition key form', () => {
    expect(PackageEntry.safeParse({ ...packageEntry, category: `video\u202E` }).success).toBe(false);
    expect(PackageEntry.safeParse({ ...packageEntry, category: null }).success).toBe(true);
    expect(BundleEntry.safeParse({ ...entry, scores: { 'con\u2066tent': 8 } }).success).toBe(false);
    expect(BundleEntry.safeParse({ ...entry, eligibility: { 'a\u202Eb': { answer: 'yes', note: '' } } }).success).toBe(false);
  });

  it('registration numbers: Latin and CJK letters, digits, - _ / . and nothing else, read in NFKC form', () => {
    for (const ok of ['SC-0001', '科普2023-001', 'a_b/c.d', '2023/12/001', 'かな-01', '한글-1']) expect(isSafeRegNo(ok), ok).toBe(true);
    expect(normalizeRegNo('ＳＣ－０００１')).toBe('SC-0001');
    expect(isSafeRegNo(normalizeRegNo('ＳＣ０１'))).toBe(true);
    for (const bad of ['', 'SC 0001', '=1+1', '-1', '.', '..', '/etc', 'SC-0001\u202E', 'SC,1', 'SC"1', 'x'.repeat(101), '①', '\u0405\u0421-0001', 'ΑΒ-1', '٣٤']) expect(isSafeRegNo(bad), bad).toBe(false);
    expect(hasBidiControl('a\u2069b')).toBe(true);
    expect(showBidiControls('a\u202Eb\u2066c')).toBe('a[U+202E]b[U+2066]c');
  });

  it('a certificate code whose serial, kind or campaign id holds a bidi control decodes to nothing', () => {
    const payload = { serial: 'SCKP-2023-000123', holderName: '四川省妇幼保健院', kind: 'award', campaignId: 'sichuan-influence-2023-a1b2c3', issueDate: '2023-12-30', validUntil: null, issuerKeyPrefix: '0a1b2c3d' };
    expect(decodePayload(encodePayload(payload))).toEqual(payload);
    expect(decodePayload(encodePayload({ ...payload, serial: 'SCKP-2023-\u202E321000' }))).toBeNull();
    expect(decodePayload(encodePayload({ ...payload, kind: 'aw\u2066ard' }))).toBeNull();
    expect(decodePayload(encodePayload({ ...payload, campaignId: 'c\u0000' }))).toBeNull();
  });
});
