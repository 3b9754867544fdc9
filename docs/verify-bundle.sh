#!/usr/bin/env bash
# Verifies a Kepu Review result bundle with openssl (3.0 or later) and coreutils only.
# Usage: verify-bundle.sh <bundle.kepubundle> <judge-public-key.pem>
# Exit status 0 and "Signature Verified Successfully" when the judge's key signed exactly this
# content; non-zero otherwise. See docs/formats.md, "Verifying a bundle with openssl".
set -euo pipefail
export LC_ALL=C

bundle=$1
pem=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# 1. The envelope is one line of canonical JSON; the values read here never contain a quote.
payload_type=$(sed -n 's/.*"payloadType":"\([^"]*\)".*/\1/p' "$bundle")
payload_b64=$(sed -n 's/.*"payload":"\([A-Za-z0-9+/=]*\)".*/\1/p' "$bundle")
keyid=$(sed -n 's/.*"keyid":"\([0-9a-f]*\)".*/\1/p' "$bundle")
sig_b64=$(sed -n 's/.*"sig":"\([A-Za-z0-9+/=]*\)".*/\1/p' "$bundle")
if [ "$payload_type" != "application/vnd.kepu.bundle+json" ]; then
  echo "not a Kepu result bundle (payloadType: ${payload_type:-none})" >&2
  exit 2
fi

# 2. The signed payload and the signature, decoded.
printf '%s' "$payload_b64" | base64 -d > "$work/payload.json"
printf '%s' "$sig_b64" | base64 -d > "$work/sig.bin"

# 3. The key id is the SHA-256 of the raw 32-byte public key (the last 32 bytes of its DER form);
#    it must name the given key both in the envelope and in the signed payload.
own_keyid=$(openssl pkey -pubin -in "$pem" -outform DER | tail -c 32 | openssl dgst -sha256 -r | cut -c1-64)
if [ "$keyid" != "$own_keyid" ] || ! grep -q "\"judgeKeyId\":\"$own_keyid\"" "$work/payload.json"; then
  echo "the bundle names key $keyid, the given key is $own_keyid" >&2
  exit 3
fi

# 4. DSSE pre-authentication encoding: "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body.
body_len=$(wc -c < "$work/payload.json")
{ printf 'DSSEv1 %d %s %d ' "${#payload_type}" "$payload_type" "$body_len"; cat "$work/payload.json"; } > "$work/pae.bin"

# 5. Ed25519 over the PAE bytes.
openssl pkeyutl -verify -pubin -inkey "$pem" -rawin -in "$work/pae.bin" -sigfile "$work/sig.bin"
