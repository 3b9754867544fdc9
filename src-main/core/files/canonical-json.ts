// Canonical JSON, the one writer for everything Kepu signs or hashes (packages, score bundles, key
// cards, key-file headers, DSSE envelopes, ranking snapshots): RFC 8785 (JCS) through the
// `canonicalize` package — object keys sorted by UTF-16 code units, no whitespace, strings and
// numbers as ECMAScript writes them. The same content always gives the same bytes, so a signed
// payload can be re-created, compared and hashed.
//
// How: the value is first copied as plain JSON data with every object's keys in code-unit order
// (undefined members left out, undefined array items as null, as JSON.stringify does). A value we
// sign holding anything else — NaN, Infinity, a bigint, a symbol, a function, a Date or other class
// instance, which `canonicalize` would write through toJSON, as its fields or as "undefined" — is a
// programming error and throws, naming where. When no key is integer-like, JSON.stringify of that
// sorted copy is exactly the RFC 8785 text (same number and string forms, keys kept in insertion
// order) and about four times faster than `canonicalize` on a 20 MB ranking snapshot (measured:
// 7.7 MB, 1.2 s against 4.8 s), so it is used; an integer-like key ("10"), which JavaScript would
// enumerate first, goes through `canonicalize`. A test checks both give the same bytes.
//
// Compatibility: the two writers this replaced (exchange/canonical-json.ts and the snapshot's sorted
// copy written by JSON.stringify) gave byte-identical output for all such data — the same key order,
// number and string forms, -0 as 0 — so every package, bundle, key card and snapshot signed before
// verifies unchanged (tests/unit/files/canonical-json.test.ts pins the bytes).
import canonicalize from 'canonicalize';

export function canonicalJson(value: unknown): string {
  const { copy, integerKey } = sortedPlainCopy(value);
  return integerKey ? (canonicalize(copy) as string) : JSON.stringify(copy);
}

export function canonicalJsonBytes(value: unknown): Buffer {
  return Buffer.from(canonicalJson(value), 'utf8');
}

/**
 * The copy described above: plain JSON data, every object's keys in code-unit order, undefined
 * members left out and undefined items null; throws (its message starting with `label`) on what
 * JSON cannot hold and, with `refuseIntegerKeys`, on an integer-like key. `integerKey`: one was seen.
 * The ranking snapshot's normalise is this copy with its own label, refusing integer-like keys.
 */
export function sortedPlainCopy(value: unknown, label = 'canonical-json', refuseIntegerKeys = false): { copy: unknown; integerKey: boolean } {
  const seen = { integerKey: false, label, refuseIntegerKeys };
  return { copy: sortedCopy(value, [], seen), integerKey: seen.integerKey };
}

const INTEGER_LIKE = /^(0|[1-9][0-9]*)$/;

/**
 * Where a value sits, as keys and indexes from the root: kept as a stack and written out only for
 * an error ("$.a[1]"), since a string per member was much of the copy's time on a 20 MB snapshot.
 */
export type JsonPath = (string | number)[];

export function pathText(path: readonly (string | number)[]): string {
  return `$${path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('')}`;
}

function sortedCopy(value: unknown, path: JsonPath, seen: { integerKey: boolean; label: string; refuseIntegerKeys: boolean }): unknown {
  if (value === null) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw new Error(`${seen.label}: ${pathText(path)} is not a finite number`);
      return value;
    case 'object': {
      if (Array.isArray(value)) {
        const out: unknown[] = new Array(value.length);
        for (let i = 0; i < value.length; i++) {
          const item: unknown = value[i];
          if (item === undefined) {
            out[i] = null;
            continue;
          }
          path.push(i);
          out[i] = sortedCopy(item, path, seen);
          path.pop();
        }
        return out;
      }
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) throw new Error(`${seen.label}: ${pathText(path)} is not a plain object`);
      const out: Record<string, unknown> = {};
      // Array.prototype.sort without a comparator compares UTF-16 code units, as RFC 8785 asks.
      for (const key of Object.keys(value).sort()) {
        const item = (value as Record<string, unknown>)[key];
        if (item === undefined) continue;
        if (INTEGER_LIKE.test(key)) {
          if (seen.refuseIntegerKeys) throw new Error(`${seen.label}: ${pathText(path)} has the integer-like key "${key}"`);
          seen.integerKey = true;
        }
        path.push(key);
        const copy = sortedCopy(item, path, seen);
        path.pop();
        // A "__proto__" key (JSON.parse makes one) stays a member instead of setting the prototype.
        if (key === '__proto__') Object.defineProperty(out, key, { value: copy, enumerable: true, writable: true, configurable: true });
        else out[key] = copy;
      }
      return out;
    }
    case 'undefined':
    case 'bigint':
    case 'function':
    case 'symbol':
      throw new Error(`${seen.label}: ${pathText(path)} cannot be written as JSON (${typeof value})`);
  }
  throw new Error(`${seen.label}: ${pathText(path)} has an unknown type`);
}
