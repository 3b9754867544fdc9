// Safe view of an entrant's HTML article. The judge is offline and the file is untrusted, so:
// the browser parses it (DOMParser: inert, runs nothing, loads nothing), then this walk writes a NEW
// document from an allow-list: only the elements below, only the attributes below (none carries a
// URL, a style or a handler), every text escaped. The result goes into <iframe sandbox=""> (no
// scripts, opaque origin) whose own CSP forbids every load (SRCDOC_CSP): three independent layers.
//
// The walk takes a minimal node shape instead of DOM types so it is unit-tested in Node.

export interface DomLikeNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  childNodes: ArrayLike<DomLikeNode>;
  attributes?: ArrayLike<{ name: string; value: string }>;
}

export interface SanitizedHtml {
  html: string;
  /** Images, media, frames, scripts, forms… that were dropped (so the judge is told). */
  removed: number;
}

const TEXT_NODE = 3;
const CDATA_NODE = 4;
const ELEMENT_NODE = 1;

/** Written out as themselves (with allowed attributes only). */
const KEEP = new Set([
  'p', 'div', 'section', 'article', 'header', 'footer', 'main', 'aside', 'nav', 'address',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'b', 'strong', 'i', 'em', 'u', 's', 'del', 'ins', 'sub', 'sup', 'small', 'mark', 'abbr', 'q', 'cite',
  'code', 'pre', 'kbd', 'samp', 'var', 'blockquote', 'br', 'hr', 'span', 'ruby', 'rt', 'rp', 'time',
  'table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'figure', 'figcaption',
]);
const VOID = new Set(['br', 'hr', 'col']);

/** Dropped with everything inside them; the ones that embed something are counted. */
const DROP_COUNTED = new Set([
  'img', 'picture', 'svg', 'math', 'video', 'audio', 'canvas', 'iframe', 'frame', 'frameset', 'object',
  'embed', 'applet', 'script', 'form', 'input', 'button', 'select', 'textarea', 'link', 'portal', 'map',
]);
const DROP_SILENT = new Set([
  'style', 'meta', 'base', 'title', 'head', 'template', 'noscript', 'noembed', 'noframes', 'source', 'track',
  'area', 'option', 'optgroup', 'datalist', 'dialog', 'slot', 'param', 'xmp', 'plaintext',
]);

/** Attribute name → value check. Nothing that can hold a URL, a style or script. */
const ATTRIBUTES: Record<string, (value: string, element: string) => boolean> = {
  colspan: (v, el) => (el === 'td' || el === 'th') && /^\d{1,3}$/.test(v),
  rowspan: (v, el) => (el === 'td' || el === 'th') && /^\d{1,3}$/.test(v),
  span: (v, el) => (el === 'col' || el === 'colgroup') && /^\d{1,3}$/.test(v),
  start: (v, el) => el === 'ol' && /^-?\d{1,6}$/.test(v),
  lang: (v) => /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(v),
  dir: (v) => v === 'ltr' || v === 'rtl' || v === 'auto',
};

/** Deeper nesting than this is flattened to text (keeps a hostile file from blowing the stack). */
const MAX_DEPTH = 200;

export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}

/** The words inside a node (dropped elements excluded); iterative, so depth cannot overflow. */
function textOf(root: DomLikeNode): string {
  let out = '';
  const stack: DomLikeNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_NODE) {
      out += node.nodeValue ?? '';
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const name = node.nodeName.toLowerCase();
    if (DROP_COUNTED.has(name) || DROP_SILENT.has(name)) continue;
    for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]);
  }
  return out;
}

/** A link's address shown as text after it (never as a link): the judge may want to note it. */
function linkSuffix(node: DomLikeNode, shownText: string): string {
  const href = Array.from(node.attributes ?? []).find((a) => a.name.toLowerCase() === 'href')?.value.trim() ?? '';
  if (!/^(https?:|mailto:)/i.test(href) || shownText.includes(href)) return '';
  return ` <span class="href">(${escapeText(href.slice(0, 500))})</span>`;
}

function walk(node: DomLikeNode, depth: number, counter: { removed: number }): string {
  if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_NODE) return escapeText(node.nodeValue ?? '');
  if (node.nodeType !== ELEMENT_NODE) return ''; // comments, processing instructions, doctypes
  const name = node.nodeName.toLowerCase();
  if (DROP_COUNTED.has(name)) {
    counter.removed++;
    return '';
  }
  if (DROP_SILENT.has(name)) return '';
  if (depth >= MAX_DEPTH) return escapeText(textOf(node));
  let inner = '';
  for (let i = 0; i < node.childNodes.length; i++) inner += walk(node.childNodes[i], depth + 1, counter);
  if (name === 'a') return inner + linkSuffix(node, textOf(node));
  if (!KEEP.has(name)) return inner; // unknown or presentational wrapper (font, center, o:p…): keep its content
  let attributes = '';
  for (const attribute of Array.from(node.attributes ?? [])) {
    const key = attribute.name.toLowerCase();
    const check = Object.prototype.hasOwnProperty.call(ATTRIBUTES, key) ? ATTRIBUTES[key] : undefined;
    if (check && check(attribute.value, name)) attributes += ` ${key}="${escapeAttribute(attribute.value)}"`;
  }
  return VOID.has(name) ? `<${name}${attributes}>` : `<${name}${attributes}>${inner}</${name}>`;
}

/**
 * Renames event-handler attributes and <base> inside tags before the browser parses the file. Not a
 * safety layer (parsing is inert and the walk drops them anyway): it keeps the page's CSP from
 * logging a violation for every onclick= an entrant's file contains.
 */
export function defuseMarkup(html: string): string {
  return html.replace(/<[A-Za-z][^>]*>/g, (tag) =>
    tag.replace(/^<base\b/i, '<x-base').replace(/([\s/"'])on([A-Za-z]+\s*=)/gi, '$1data-off-on$2'),
  );
}

/** Sanitised inner HTML of `root` (normally the parsed document's body). */
export function sanitizeTree(root: DomLikeNode): SanitizedHtml {
  const counter = { removed: 0 };
  let html = '';
  for (let i = 0; i < root.childNodes.length; i++) html += walk(root.childNodes[i], 0, counter);
  return { html, removed: counter.removed };
}

/** The frame's own policy: nothing may load; only the inline style below applies. */
export const SRCDOC_CSP = "default-src 'none'; style-src 'unsafe-inline'";

const SRCDOC_STYLE = `
html { background: #fff; }
body { margin: 0 auto; padding: 20px 24px 40px; max-width: 42em; color: #1d2733;
  font: 16px/1.8 system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei',
  'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif;
  overflow-wrap: anywhere; line-break: strict; text-align: start; }
h1 { font-size: 1.5em; line-height: 1.4; } h2 { font-size: 1.3em; line-height: 1.4; } h3 { font-size: 1.15em; }
p { margin: 0 0 1em; }
blockquote { margin: 1em 0; padding: 0.2em 1em; border-left: 3px solid #dde3ea; color: #5f6b7a; }
pre { white-space: pre-wrap; background: #f4f6f8; padding: 10px 12px; border-radius: 6px; }
code, kbd, samp { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.9em; }
table { border-collapse: collapse; margin: 1em 0; max-width: 100%; }
th, td { border: 1px solid #dde3ea; padding: 4px 8px; vertical-align: top; }
th { background: #f4f6f8; }
.href { color: #5f6b7a; font-size: 0.85em; overflow-wrap: anywhere; }
`;

/** A complete document for <iframe sandbox="" srcdoc>. `bodyHtml` must come from sanitizeTree. */
export function buildSrcdoc(bodyHtml: string, lang: string): string {
  return (
    '<!doctype html><html lang="' +
    escapeAttribute(lang) +
    '"><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${SRCDOC_CSP}">` +
    `<style>${SRCDOC_STYLE}</style></head><body>${bodyHtml}</body></html>`
  );
}
