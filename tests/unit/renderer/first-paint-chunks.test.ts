// The first paint (the campaign list) loads only the entry, the app chunk (boot) with its imports,
// the style sheets and one locale:
// the views and tabs are their own chunks (components/lazy-views.tsx), and the 10 MB certificate
// fonts are named only by the certificate view's chunk, fetched when a preview opens (from the
// shell, which serves the font package's files: the build has none). Sizes, not
// timing: the figures themselves are in `npm run bench renderer`. Reads the build in out/renderer,
// which `npm test` makes before the unit tests; skipped when there is none.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstPaintChunks, firstPaintGzip } from '../../renderer-chunks';
import { repoRoot } from '../../helpers';

const rendererDir = path.join(repoRoot, 'out', 'renderer');
const built = fs.existsSync(path.join(rendererDir, 'index.html'));

describe.skipIf(!built)('the built renderer’s first paint', () => {
  it('names no font file and stays within 200 kB gzipped', () => {
    const chunks = firstPaintChunks(rendererDir);
    expect(chunks.referencedAssets.filter((f) => /\.(ttf|otf|woff2?)$/.test(f))).toEqual([]);
    expect(firstPaintGzip(chunks)).toBeLessThanOrEqual(200 * 1024);
  });

  it('leaves the campaign views to their own chunks, the fonts to the certificates view', () => {
    const chunks = firstPaintChunks(rendererDir);
    const lazyNames = chunks.lazy.map((c) => path.basename(c.file));
    for (const view of ['CampaignView', 'ReviewWorkspace', 'SetupView', 'RankingView', 'CertificatesView', 'SettingsView']) {
      expect(lazyNames.some((f) => f.startsWith(`${view}-`)), view).toBe(true);
    }
    const fontUsers = chunks.lazy.filter((c) => fs.readFileSync(path.join(rendererDir, c.file), 'utf8').includes('NotoSansSC_'));
    expect(fontUsers.map((c) => path.basename(c.file).replace(/-[\w-]+\.js$/, ''))).toEqual(['CertificatesView']);
    expect(chunks.locales).toHaveLength(2);
  });

  it('starts with a small entry that index.html loads beside the app chunk, not before it', () => {
    const chunks = firstPaintChunks(rendererDir);
    // The entry sends the first reads; the app (boot.tsx) is a chunk of its own, preloaded by index.html.
    expect(chunks.entry.gzip).toBeLessThanOrEqual(10 * 1024);
    const html = fs.readFileSync(path.join(rendererDir, 'index.html'), 'utf8');
    const boot = chunks.preloaded.find((c) => path.basename(c.file).startsWith('boot-'));
    expect(boot).toBeDefined();
    expect(html).toContain(`<link rel="modulepreload" crossorigin href="./${boot!.file}">`);
    for (const c of chunks.preloaded) expect(html, c.file).toContain(`href="./${c.file}"`);
  });

  it('carries no font file of its own: the shells serve the one the PDF writer embeds', () => {
    const files = fs.readdirSync(rendererDir, { recursive: true, encoding: 'utf8' });
    expect(files.filter((f) => /\.(ttf|otf|woff2?)$/i.test(f))).toEqual([]);
  });
});
