// The part of a merge that needs no database: reading a bundle file (envelope, payload schema,
// canonical bytes) and checking its Ed25519 signature against the campaign's registered keys. It is
// most of a merge's CPU that is not SQLite, and it is independent per file, so it runs before the
// one write transaction (exchangeBundleReader(): on the calling thread). A pool of worker threads
// was tried (issue 18) and lost: each worker loaded the job worker's whole import graph (≈3 s of
// start-up under tsx) and copied every payload back, so 200 bundles merged slower than in thread.
// The outcome is data (structured-clone safe): a refusal is the KepuError's code, message and
// parameters, thrown again by the merge at the point where it checked it before (merge-bundles.ts),
// so every refusal keeps its code and its order (the wrong campaign is named before the signature).
import type { AppErrorBody } from '../../contract';
import { readBundle, verifyBundle } from '../exchange/bundle';
import { envelopeJson } from '../exchange/dsse';
import { isKepuError, KepuError } from '../errors';
import { publicKeyFromBase64 } from '../keys/identity';
import type { BundlePayload } from './merge-bundles';

/** A refusal as data: the KepuError's body. */
export type Refusal = AppErrorBody;

/** The refusal thrown again where the merge checks it. */
export function refused(refusal: Refusal): KepuError {
  return new KepuError(refusal.code, refusal.message, refusal.params);
}

export interface CheckedBundle {
  payload: BundlePayload;
  keyId: string;
  envelopeJson: string;
  sha256: string;
  /** null: verified with the registered key; a refusal: it did not verify; 'unknown-key': no judge of the campaign has that key. */
  signature: Refusal | null | 'unknown-key';
}

export type BundleCheck = { ok: true; bundle: CheckedBundle } | { ok: false; refusal: Refusal };

/** The campaign's registered keys: key id → base64 public key. */
export type SignerKeys = Readonly<Record<string, string>>;

function refusal(error: unknown): Refusal {
  if (!isKepuError(error)) throw error;
  return error.toBody();
}

export function checkBundle(bytes: Uint8Array, keys: SignerKeys): BundleCheck {
  let read: ReturnType<typeof readBundle>;
  try {
    read = readBundle(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    return { ok: false, refusal: refusal(error) };
  }
  const publicKey = Object.hasOwn(keys, read.keyId) ? keys[read.keyId] : undefined;
  let signature: CheckedBundle['signature'] = 'unknown-key';
  if (publicKey !== undefined) {
    try {
      verifyBundle(read, publicKeyFromBase64(publicKey));
      signature = null;
    } catch (error) {
      signature = refusal(error);
    }
  }
  return { ok: true, bundle: { payload: read.payload, keyId: read.keyId, envelopeJson: envelopeJson(read.envelope), sha256: read.sha256, signature } };
}

/** Checks several files (one batch of a pool worker, or all of them on the calling thread). */
export function checkBundles(args: { files: Uint8Array[]; keys: SignerKeys }): BundleCheck[] {
  return args.files.map((bytes) => checkBundle(bytes, args.keys));
}
