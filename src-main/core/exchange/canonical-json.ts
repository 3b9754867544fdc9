// Canonical JSON: the same content always gives the same bytes, so a signed payload can be
// re-created, compared and hashed. Policy: object keys sorted by UTF-16 code units, no whitespace,
// strings and numbers as JSON.stringify writes them (this is RFC 8785 / JCS for the values our
// formats hold: strings, finite numbers, booleans, null, arrays, plain objects). Anything else
// (NaN, Infinity, bigint, functions, class instances) is a programming error and throws.

export function canonicalJson(value: unknown): string {
  return write(value, '$');
}

export function canonicalJsonBytes(value: unknown): Buffer {
  return Buffer.from(canonicalJson(value), 'utf8');
}

function write(value: unknown, where: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new Error(`canonical-json: ${where} is not a finite number`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) {
        return `[${value.map((item, i) => (item === undefined ? 'null' : write(item, `${where}[${i}]`))).join(',')}]`;
      }
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) throw new Error(`canonical-json: ${where} is not a plain object`);
      const parts: string[] = [];
      for (const key of Object.keys(value).sort()) {
        const item = (value as Record<string, unknown>)[key];
        if (item === undefined) continue;
        parts.push(`${JSON.stringify(key)}:${write(item, `${where}.${key}`)}`);
      }
      return `{${parts.join(',')}}`;
    }
    case 'undefined':
    case 'bigint':
    case 'function':
    case 'symbol':
      throw new Error(`canonical-json: ${where} cannot be written as JSON (${typeof value})`);
  }
  throw new Error(`canonical-json: ${where} has an unknown type`);
}
