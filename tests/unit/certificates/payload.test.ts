import crypto from 'node:crypto';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { base32Decode, type CertificatePayload, decodePayload, encodePayload, findCodes, parseCode, signPayload, validUntilDate, verifySignature } from '../../../src-main/core/certificates/payload';

const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
const payload: CertificatePayload = {
  serial: 'SCKP-2023-000123',
  holderName: '四川省妇幼保健院',
  kind: 'award',
  campaignId: 'sichuan-influence-2023-a1b2c3',
  issueDate: '2023-12-30',
  validUntil: null,
  issuerKeyPrefix: '0a1b2c3d',
};

describe('the certificate code', () => {
  it('round-trips every field and verifies with the issuer key only', () => {
    const code = signPayload({ ...payload, validUntil: '2025-12-29' }, privateKey);
    expect(code).toMatch(/^KP1\.[A-Z2-7]+\.[A-Z2-7]{103}$/);
    const parsed = parseCode(code);
    expect(parsed.ok && parsed.payload).toEqual({ ...payload, validUntil: '2025-12-29' });
    expect(parsed.ok && verifySignature(parsed, publicKey)).toBe(true);
    expect(parsed.ok && verifySignature(parsed, crypto.generateKeyPairSync('ed25519').publicKey)).toBe(false);
    expect(decodePayload(encodePayload(payload))).toEqual(payload);
  });

  it('fails when any single character is changed (every position)', () => {
    const code = signPayload(payload, privateKey);
    for (let i = 0; i < code.length; i++) {
      const swapped = code[i] === 'A' ? 'B' : code[i] === '.' ? 'A' : 'A';
      const changed = code.slice(0, i) + swapped + code.slice(i + 1);
      const parsed = parseCode(changed);
      const valid = parsed.ok && verifySignature(parsed, publicKey);
      expect(valid, `position ${i}`).toBe(false);
    }
  });

  it('reads a typed code case-insensitively with line breaks, refuses non-canonical base32', () => {
    const code = signPayload(payload, privateKey);
    const typed = `${code.slice(0, 60).toLowerCase()}\n ${code.slice(60)}`;
    const parsed = parseCode(typed);
    expect(parsed.ok && verifySignature(parsed, publicKey)).toBe(true);
    // 64 bytes = 103 characters with 3 unused bits in the last: flipping them must not pass.
    const sig = code.split('.')[2];
    expect(base32Decode(sig)).not.toBeNull();
    const last = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'.indexOf(sig.at(-1) as string);
    const twin = sig.slice(0, -1) + 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[last ^ 1];
    expect(base32Decode(twin)).toBeNull();
    expect(parseCode('KP1.ABC.DEF')).toEqual({ ok: false, reason: 'malformed' });
    expect(parseCode('hello')).toEqual({ ok: false, reason: 'malformed' });
    expect(findCodes(`x ${code} y ${code}`)).toEqual([code]);
  });

  it('fits a QR code of version 10 or less at error correction M, even with a long name', () => {
    const code = signPayload({ ...payload, holderName: '中国医学科学院肿瘤医院深圳医院健康科普中心', validUntil: '2025-12-29' }, privateKey);
    const qr = QRCode.create(code, { errorCorrectionLevel: 'M' });
    expect(qr.version).toBeLessThanOrEqual(10);
    expect(code.length).toBeLessThan(330);
  });
});

describe('validity', () => {
  it('runs N months from the issue date, to the day before', () => {
    expect(validUntilDate('2023-12-30', 24)).toBe('2025-12-29');
    expect(validUntilDate('2022-01-01', 24)).toBe('2023-12-31');
    expect(validUntilDate('2024-02-29', 24)).toBe('2026-02-27');
    expect(validUntilDate('2023-08-31', 6)).toBe('2024-02-28');
  });
});
