// Electron implements no window.prompt, and confirm/alert show bare, untranslated system boxes:
// the renderer asks through its own dialog (components/ConfirmDialog) only. Nor does it print
// through a blob: frame (Electron's frame rules and the CSP refuse it): exports print from their
// own file (electron/print.ts, the host's /export-file route).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../src-main/app/content-security-policy';
import { repoRoot } from '../../helpers';

/** Every script and page of the renderer (not only src/: index.html and anything beside it too). */
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sources(full) : /\.(tsx?|jsx?|mjs|cjs|html)$/.test(e.name) ? [full] : [];
  });
}
const rendererSources = () => sources(path.join(repoRoot, 'src-renderer'));

describe('the renderer', () => {
  it('never calls window.prompt, confirm or alert', () => {
    const files = rendererSources();
    expect(files.some((f) => f.endsWith(path.join('src-renderer', 'index.html')))).toBe(true);
    expect(files.some((f) => f.endsWith(path.join('components', 'App.tsx')))).toBe(true);
    const calls = files.flatMap((file) =>
      fs.readFileSync(file, 'utf8').split('\n').flatMap((line, i) => (/(^|[^\w.])(window\.)?(prompt|confirm|alert)\(/.test(line) ? [`${path.relative(repoRoot, file)}:${i + 1}`] : [])),
    );
    expect(calls).toEqual([]);
  });

  it('never prints through a blob: frame, and the CSP frames no blob: URL', () => {
    // An object URL and a frame in one module is how the old print path worked (a blob: iframe).
    const blobFrames = rendererSources().filter((file) => {
      const text = fs.readFileSync(file, 'utf8');
      return /createObjectURL/.test(text) && /iframe|\.print\(/i.test(text);
    });
    expect(blobFrames.map((f) => path.relative(repoRoot, f))).toEqual([]);
    const frameSources = (csp: string) => /frame-src ([^;]*)/.exec(csp)?.[1] ?? '';
    expect(frameSources(contentSecurityPolicy())).toBe("'self'");
    const meta = /http-equiv="Content-Security-Policy"[\s\S]*?content="([^"]*)"/.exec(fs.readFileSync(path.join(repoRoot, 'src-renderer', 'index.html'), 'utf8'));
    expect(frameSources(meta?.[1] ?? '')).toBe("'self'");
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
