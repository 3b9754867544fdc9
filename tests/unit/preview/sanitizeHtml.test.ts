import { describe, expect, it } from 'vitest';
import {
  buildSrcdoc,
  defuseMarkup,
  sanitizeTree,
  SRCDOC_CSP,
  type DomLikeNode,
} from '../../../src-renderer/src/components/preview/sanitizeHtml';

// A tiny stand-in for parsed DOM nodes (the renderer passes DOMParser's document.body).
const text = (value: string): DomLikeNode => ({ nodeType: 3, nodeName: '#text', nodeValue: value, childNodes: [] });
const comment = (value: string): DomLikeNode => ({ nodeType: 8, nodeName: '#comment', nodeValue: value, childNodes: [] });
const el = (name: string, attrs: Record<string, string> = {}, ...children: DomLikeNode[]): DomLikeNode => ({
  nodeType: 1,
  nodeName: name.toUpperCase(),
  nodeValue: null,
  childNodes: children,
  attributes: Object.entries(attrs).map(([n, value]) => ({ name: n, value })),
});
const body = (...children: DomLikeNode[]) => el('body', {}, ...children);

describe('HTML article sanitising', () => {
  it('keeps readable structure: headings, paragraphs, emphasis, lists, quotes, tables', () => {
    const out = sanitizeTree(
      body(
        el('h1', {}, text('标题')),
        el('p', {}, text('正文 '), el('strong', {}, text('重点'))),
        el('ul', {}, el('li', {}, text('一'))),
        el('blockquote', {}, text('引用')),
        el('table', {}, el('tbody', {}, el('tr', {}, el('td', { colspan: '2' }, text('格'))))),
        el('br'),
      ),
    );
    expect(out.html).toBe(
      '<h1>标题</h1><p>正文 <strong>重点</strong></p><ul><li>一</li></ul><blockquote>引用</blockquote>' +
        '<table><tbody><tr><td colspan="2">格</td></tr></tbody></table><br>',
    );
    expect(out.removed).toBe(0);
  });

  it('drops scripts, styles, frames, objects, forms and images with their content, and counts them', () => {
    const out = sanitizeTree(
      body(
        el('script', {}, text('alert(1)')),
        el('style', {}, text('body{background:url(http://x)}')),
        el('iframe', { src: 'http://evil' }),
        el('object', { data: 'x.swf' }),
        el('img', { src: 'http://tracker/pixel.gif' }),
        el('form', { action: 'http://x' }, el('input', { value: 'secret' })),
        el('svg', {}, el('script', {}, text('alert(2)'))),
        el('p', {}, text('留下')),
      ),
    );
    expect(out.html).toBe('<p>留下</p>');
    expect(out.removed).toBe(6);
  });

  it('removes every attribute that could run code, load something or restyle the page', () => {
    const out = sanitizeTree(
      body(
        el('p', { onclick: 'steal()', style: 'background:url(http://x)', class: 'x', id: 'y', lang: 'zh-CN', dir: 'ltr' }, text('a')),
        el('td', { colspan: '2" onmouseover="x', rowspan: '3' }, text('b')),
        { ...el('p', {}, text('c')), attributes: [{ name: '__proto__', value: 'x' }, { name: 'constructor', value: 'y' }, { name: 'toString', value: 'z' }] },
      ),
    );
    expect(out.html).toBe('<p lang="zh-CN" dir="ltr">a</p><td rowspan="3">b</td><p>c</p>');
  });

  it('shows a link as text with its address, never as a link', () => {
    const out = sanitizeTree(body(el('p', {}, el('a', { href: 'https://example.cn/a?b=1&c=<2>' }, text('原文')))));
    expect(out.html).toBe('<p>原文 <span class="href">(https://example.cn/a?b=1&amp;c=&lt;2&gt;)</span></p>');
    expect(sanitizeTree(body(el('a', { href: 'javascript:alert(1)' }, text('x')))).html).toBe('x');
    expect(sanitizeTree(body(el('a', { href: 'https://a.cn' }, text('https://a.cn')))).html).toBe('https://a.cn');
  });

  it('escapes text so markup in it stays text', () => {
    const out = sanitizeTree(body(el('p', {}, text('<img src=x onerror=alert(1)> & "q"'))));
    expect(out.html).toBe('<p>&lt;img src=x onerror=alert(1)&gt; &amp; "q"</p>');
  });

  it('unwraps unknown and presentational elements but keeps their words; drops comments', () => {
    const out = sanitizeTree(body(el('font', { color: 'red' }, text('红')), el('o:p', {}, text('字')), comment('<script>')));
    expect(out.html).toBe('红字');
  });

  it('flattens absurdly deep nesting to text instead of recursing forever', () => {
    let node: DomLikeNode = text('底');
    for (let i = 0; i < 20000; i++) node = el('div', {}, node);
    const out = sanitizeTree(body(node));
    expect(out.html.endsWith('底' + '</div>'.repeat(200))).toBe(true);
  });

  it('wraps the result in a document that forbids every load', () => {
    const doc = buildSrcdoc('<p>x</p>', 'zh-CN"><script>');
    expect(SRCDOC_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(doc).toContain(`<meta http-equiv="Content-Security-Policy" content="${SRCDOC_CSP}">`);
    expect(doc.indexOf('Content-Security-Policy')).toBeLessThan(doc.indexOf('<style>'));
    expect(doc).toContain('lang="zh-CN&quot;&gt;&lt;script&gt;"');
    expect(doc).not.toContain('<script');
  });

  it('renames handler attributes and <base> before parsing, leaving text between tags alone', () => {
    expect(defuseMarkup('<body onload="x()"><P ONCLICK=y>turn on=off</P><base href="http://e/">')).toBe(
      '<body data-off-onload="x()"><P data-off-onCLICK=y>turn on=off</P><x-base href="http://e/">',
    );
  });
});
