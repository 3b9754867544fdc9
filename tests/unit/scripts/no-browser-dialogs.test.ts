// Electron implements no window.prompt, and confirm/alert show bare, untranslated system boxes:
// the renderer asks through its own dialog (components/ConfirmDialog) only.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../helpers';

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sources(full) : /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

describe('the renderer', () => {
  it('never calls window.prompt, confirm or alert', () => {
    const calls = sources(path.join(repoRoot, 'src-renderer', 'src')).flatMap((file) =>
      fs.readFileSync(file, 'utf8').split('\n').flatMap((line, i) => (/(^|[^\w.])(window\.)?(prompt|confirm|alert)\(/.test(line) ? [`${path.relative(repoRoot, file)}:${i + 1}`] : [])),
    );
    expect(calls).toEqual([]);
  });
});

describe('the lint rules', () => {
  it('reject prompt, confirm and alert in the renderer, however they are reached', async () => {
    const { ESLint } = await import('eslint');
    const eslint = new ESLint({ cwd: repoRoot });
    const code = ['export function f() {', "  window.prompt('a');", "  confirm('b');", "  globalThis.alert('c');", '}', ''].join('\n');
    const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, 'src-renderer', 'src', 'components', 'Probe.tsx') });
    const hits = result.messages.filter((m) => m.ruleId === 'no-restricted-globals' || m.ruleId === 'no-restricted-properties').map((m) => m.line);
    expect(hits).toEqual([2, 3, 4]);
  });
});
