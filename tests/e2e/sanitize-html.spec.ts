// The HTML article sanitizer (src-renderer/src/components/preview/sanitizeHtml.ts) rule by rule, in
// the real browser it runs in: DOMPurify needs a DOM, so the module is bundled with esbuild and run
// on a blank page. Trees are built with DOM calls (not parsed), so shapes the parser would repair
// (a <td> outside a table, odd attribute names) reach the sanitizer as they are.
import path from 'node:path';
import { build } from 'esbuild';
import { expect, type Page, test } from '@playwright/test';

/** A node: text, a comment, or [element name, attributes (or name/value pairs), ...children]. */
type Spec = string | { comment: string } | [string, Record<string, string> | [string, string][], ...Spec[]];

let bundle = '';
test.beforeAll(async () => {
  const result = await build({
    entryPoints: [path.resolve(import.meta.dirname, '../../src-renderer/src/components/preview/sanitizeHtml.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'kepuSanitize',
    platform: 'browser',
    write: false,
  });
  bundle = result.outputFiles[0].text;
});

async function openBlank(page: Page): Promise<void> {
  await page.setContent('<!doctype html><html><head></head><body></body></html>');
  await page.addScriptTag({ content: bundle });
}

/** sanitizeArticle of a <body> holding `children`, built in an inert document. */
async function sanitize(page: Page, ...children: Spec[]): Promise<{ html: string; removed: number }> {
  // (specs as unknown[]: Playwright's argument types do not recurse into Spec)
  return page.evaluate((specs: unknown[]) => {
    const doc = document.implementation.createHTMLDocument('');
    const make = (spec: Spec): Node => {
      if (typeof spec === 'string') return doc.createTextNode(spec);
      if (!Array.isArray(spec)) return doc.createComment(spec.comment);
      const [name, attributes, ...inner] = spec;
      const element = doc.createElement(name);
      for (const [key, value] of Array.isArray(attributes) ? attributes : Object.entries(attributes)) element.setAttribute(key, value);
      for (const child of inner) element.appendChild(make(child));
      return element;
    };
    for (const spec of specs as Spec[]) doc.body.appendChild(make(spec));
    const api = (window as unknown as { kepuSanitize: { sanitizeArticle(body: HTMLElement): { html: string; removed: number } } }).kepuSanitize;
    return api.sanitizeArticle(doc.body);
  }, children as unknown[]);
}

test.describe('HTML article sanitising (DOMPurify in the browser)', () => {
  test.beforeEach(async ({ page }) => openBlank(page));

  test('keeps readable structure: headings, paragraphs, emphasis, lists, quotes, tables', async ({ page }) => {
    const out = await sanitize(
      page,
      ['h1', {}, '标题'],
      ['p', {}, '正文 ', ['strong', {}, '重点']],
      ['ul', {}, ['li', {}, '一']],
      ['blockquote', {}, '引用'],
      ['table', {}, ['tbody', {}, ['tr', {}, ['td', { colspan: '2' }, '格']]]],
      ['br', {}],
    );
    expect(out.html).toBe(
      '<h1>标题</h1><p>正文 <strong>重点</strong></p><ul><li>一</li></ul><blockquote>引用</blockquote>' +
        '<table><tbody><tr><td colspan="2">格</td></tr></tbody></table><br>',
    );
    expect(out.removed).toBe(0);
  });

  test('drops scripts, styles, frames, objects, forms and images with their content, and counts them', async ({ page }) => {
    const out = await sanitize(
      page,
      ['script', {}, 'alert(1)'],
      ['style', {}, 'body{background:url(http://x)}'],
      ['iframe', { src: 'http://evil' }],
      ['object', { data: 'x.swf' }],
      ['img', { src: 'http://tracker/pixel.gif' }],
      ['form', { action: 'http://x' }, ['input', { value: 'secret' }]],
      ['svg', {}, ['script', {}, 'alert(2)']],
      ['p', {}, '留下'],
    );
    expect(out.html).toBe('<p>留下</p>');
    expect(out.removed).toBe(6);
  });

  test('removes every attribute that could run code, load something or restyle the page', async ({ page }) => {
    const out = await sanitize(
      page,
      ['p', { onclick: 'steal()', style: 'background:url(http://x)', class: 'x', id: 'y', lang: 'zh-CN', dir: 'ltr' }, 'a'],
      ['td', { colspan: '2" onmouseover="x', rowspan: '3' }, 'b'],
      ['p', [['__proto__', 'x'], ['constructor', 'y'], ['toString', 'z']], 'c'],
      ['p', { 'data-x': '1', 'aria-label': 'l', is: 'x-evil', href: 'https://e.cn' }, 'd'],
    );
    expect(out.html).toBe('<p lang="zh-CN" dir="ltr">a</p><td rowspan="3">b</td><p>c</p><p>d</p>');
  });

  test('shows a link as text with its address, never as a link', async ({ page }) => {
    const out = await sanitize(page, ['p', {}, ['a', { href: 'https://example.cn/a?b=1&c=<2>' }, '原文']]);
    expect(out.html).toBe('<p>原文 <span class="href">(https://example.cn/a?b=1&amp;c=&lt;2&gt;)</span></p>');
    expect((await sanitize(page, ['a', { href: 'javascript:alert(1)' }, 'x'])).html).toBe('x');
    expect((await sanitize(page, ['a', { href: 'https://a.cn' }, 'https://a.cn'])).html).toBe('https://a.cn');
  });

  test('escapes text so markup in it stays text', async ({ page }) => {
    const out = await sanitize(page, ['p', {}, '<img src=x onerror=alert(1)> & "q"']);
    expect(out.html).toBe('<p>&lt;img src=x onerror=alert(1)&gt; &amp; "q"</p>');
  });

  test('unwraps unknown and presentational elements but keeps their words; drops comments', async ({ page }) => {
    const out = await sanitize(page, ['font', { color: 'red' }, '红'], ['o:p', {}, '字'], { comment: '<script>' });
    expect(out.html).toBe('红字');
  });

  test('flattens absurdly deep nesting to text', async ({ page }) => {
    // 20 000 levels as markup: the browser's parser caps the depth (as it does for a real article).
    const html = '<div>'.repeat(20000) + '底' + '</div>'.repeat(20000);
    const out = await page.evaluate((markup) => {
      const body = new DOMParser().parseFromString(markup, 'text/html').body;
      return (window as unknown as { kepuSanitize: { sanitizeArticle(body: HTMLElement): { html: string } } }).kepuSanitize.sanitizeArticle(body);
    }, html);
    expect(out.html.endsWith('底' + '</div>'.repeat(200))).toBe(true);
    expect(out.html.split('<div>').length - 1).toBe(200);
  });
});
