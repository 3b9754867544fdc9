// Seeded hashing for the assignment's tie-breaks: no Math.random anywhere, so the same inputs and
// seed give the same pairs on every machine and run. FNV-1a (32 bit) over UTF-16 code units,
// finished with the murmur3 avalanche (fmix32); mulberry32 is the matching tiny PRNG, used by the
// tests and the bench to generate reproducible inputs. 32-bit integer arithmetic only (Math.imul).

/** murmur3's finaliser: every input bit affects every output bit. Returns an unsigned 32-bit int. */
export function fmix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a of the string's code units, started from `salt`, then avalanched. */
export function hashString(text: string, salt = 0): number {
  let h = (0x811c9dc5 ^ salt) | 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

/** An order-sensitive combination of two 32-bit hashes (entry, judge) into one. */
export function mixPair(a: number, b: number): number {
  return fmix32((a ^ Math.imul(b, 0x9e3779b1)) + 0x7f4a7c15);
}

/** mulberry32: a 32-bit state PRNG returning floats in [0, 1). Tiny, fast, good enough for tests. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
