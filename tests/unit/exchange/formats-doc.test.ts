// docs/formats.md embeds the JSON Schemas generated from the readers' zod schemas and the openssl
// verification script; this test fails when they drift. KEPU_WRITE_FORMATS=1 rewrites the blocks.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLE_EXTENSION, BUNDLE_PAYLOAD_TYPE, DEFAULT_BUNDLE_MAX_BYTES } from '../../../src-main/core/exchange/bundle';
import { pae } from '../../../src-main/core/exchange/dsse';
import { formatSchemas, jsonSchemaText, type FormatName } from '../../../src-main/core/exchange/format-schemas';
import { PACKAGE_EXTENSION, PACKAGE_PAYLOAD_TYPE } from '../../../src-main/core/exchange/package-manifest';
import { DEFAULT_MAX_MANIFEST_BYTES, DEFAULT_MAX_MEMBER_BYTES, DEFAULT_MAX_MEMBERS } from '../../../src-main/core/exchange/package-open';
import { KEYCARD_EXTENSION, KEYCARD_PAYLOAD_TYPE } from '../../../src-main/core/keys/key-card';
import { DEFAULT_SCRYPT } from '../../../src-main/core/keys/key-store';
import { repoRoot } from '../../helpers';

const docFile = path.join(repoRoot, 'docs', 'formats.md');
const scriptFile = path.join(repoRoot, 'docs', 'verify-bundle.sh');

function expectedBlocks(): Map<string, string> {
  const blocks = new Map<string, string>();
  for (const name of Object.keys(formatSchemas) as FormatName[]) blocks.set(`schema:${name}`, `\`\`\`json\n${jsonSchemaText(name)}\n\`\`\``);
  blocks.set('verify-bundle.sh', `\`\`\`bash\n${fs.readFileSync(scriptFile, 'utf8').trimEnd()}\n\`\`\``);
  return blocks;
}

function blockOf(doc: string, marker: string): string | null {
  const m = new RegExp(`<!-- ${marker} -->\\n([\\s\\S]*?)\\n?<!-- /${marker} -->`).exec(doc);
  return m ? m[1] : null;
}

if (process.env.KEPU_WRITE_FORMATS === '1') {
  let doc = fs.readFileSync(docFile, 'utf8');
  for (const [marker, text] of expectedBlocks()) {
    doc = doc.replace(new RegExp(`<!-- ${marker} -->\\n[\\s\\S]*?<!-- /${marker} -->`), () => `<!-- ${marker} -->\n${text}\n<!-- /${marker} -->`);
  }
  fs.writeFileSync(docFile, doc);
}

describe('docs/formats.md', () => {
  const doc = fs.readFileSync(docFile, 'utf8');

  it('holds the JSON Schema of every format exactly as generated from the zod schemas', () => {
    for (const [marker, text] of expectedBlocks()) {
      if (marker.startsWith('schema:')) expect(blockOf(doc, marker), marker).toBe(text);
    }
  });

  it('holds the openssl verification script exactly as docs/verify-bundle.sh', () => {
    expect(blockOf(doc, 'verify-bundle.sh')).toBe(expectedBlocks().get('verify-bundle.sh'));
  });

  it('names the payload types, extensions and limits the code uses', () => {
    for (const text of [BUNDLE_PAYLOAD_TYPE, PACKAGE_PAYLOAD_TYPE, KEYCARD_PAYLOAD_TYPE, BUNDLE_EXTENSION, PACKAGE_EXTENSION, KEYCARD_EXTENSION]) expect(doc).toContain(text);
    expect(DEFAULT_BUNDLE_MAX_BYTES).toBe(64 * 1024 * 1024);
    expect(doc).toContain('larger than 64 MiB');
    expect([DEFAULT_MAX_MEMBERS, DEFAULT_MAX_MEMBER_BYTES, DEFAULT_MAX_MANIFEST_BYTES]).toEqual([10_000, 1024 ** 3, 64 * 1024 ** 2]);
    expect(doc).toContain('more than 10,000 members');
    expect(doc).toContain('1 GiB per media file, 64 MiB for the manifest');
    expect(DEFAULT_SCRYPT).toEqual({ N: 2 ** 17, r: 8, p: 1 });
    expect(doc).toContain('`N = 2^17`, `r = 8`, `p = 1`');
  });

  it('gives a PAE example that the implementation reproduces', () => {
    const example = pae('http://example.com/HelloWorld', Buffer.from('hello world'));
    expect(doc).toContain(`\n${example.toString()}\n`);
    expect(doc).toContain(`give the ${example.length} bytes`);
  });
});
