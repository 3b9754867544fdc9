// Every field where a path is typed (the ones that strip Explorer's "Copy as path" quotes with
// unquotePath) also offers the OS picker in the desktop app (folderPicker / packagePicker in
// api.ts, null in the browser shell, where the typed field is what exists).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../helpers';

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sources(full) : /\.tsx$/.test(e.name) ? [full] : [];
  });
}

describe('typed path fields in the renderer', () => {
  it('each come with a picker', () => {
    const fields = sources(path.join(repoRoot, 'src-renderer', 'src')).filter((f) => fs.readFileSync(f, 'utf8').includes('unquotePath('));
    expect(fields.length).toBeGreaterThanOrEqual(3);
    const withoutPicker = fields.filter((f) => !/\b(folderPicker|packagePicker)\(/.test(fs.readFileSync(f, 'utf8')));
    expect(withoutPicker.map((f) => path.relative(repoRoot, f))).toEqual([]);
  });
});
