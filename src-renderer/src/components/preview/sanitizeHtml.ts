// Safe view of an entrant's HTML article. The judge is offline and the file is untrusted, so:
// the browser parses it (DOMParser: inert, runs nothing, loads nothing), then DOMPurify (a
// maintained sanitizer, run on the renderer's own DOM) keeps only the elements below and the
// attributes below (none carries a URL, a style or a handler); links become text with their address
// shown. The result goes into <iframe sandbox=""> (no scripts, opaque origin) whose own CSP forbids
// every load (SRCDOC_CSP): three independent layers.
//
// DOMPurify needs a real DOM, so this is tested in a browser: tests/e2e/sanitize-html.spec.ts (the
// rules one by one) and tests/e2e/article-html.spec.ts (a hostile article through the review).
import createDOMPurify, { type Config, type DOMPurify } from 'dompurify';

export interface SanitizedHtml {
  html: string;
  /** Images, media, frames, scripts, forms… that were dropped (so the judge is told). */
  removed: number;
}

/** Written out as themselves (with allowed attributes only). */
const KEEP = [
  'p', 'div', 'section', 'article', 'header', 'footer', 'main', 'aside', 'nav', 'address',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'b', 'strong', 'i', 'em', 'u', 's', 'del', 'ins', 'sub', 'sup', 'small', 'mark', 'abbr', 'q', 'cite',
  'code', 'pre', 'kbd', 'samp', 'var', 'blockquote', 'br', 'hr', 'span', 'ruby', 'rt', 'rp', 'time',
  'table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'figure', 'figcaption',
];

/** Dropped with everything inside them; the ones that embed something are counted. */
const DROP_COUNTED = new Set([
  'img', 'picture', 'svg', 'math', 'video', 'audio', 'canvas', 'iframe', 'frame', 'frameset', 'object',
  'embed', 'applet', 'script', 'form', 'input', 'button', 'select', 'textarea', 'link', 'portal', 'map',
]);
const DROP_SILENT = [
  'style', 'meta', 'base', 'title', 'head', 'template', 'noscript', 'noembed', 'noframes', 'source', 'track',
  'area', 'option', 'optgroup', 'datalist', 'dialog', 'slot', 'param', 'xmp', 'plaintext',
];

/** Attribute name → value check. Nothing that can hold a URL, a style or script. */
const ATTRIBUTES: Record<string, (value: string, element: string) => boolean> = {
  colspan: (v, el) => (el === 'td' || el === 'th') && /^\d{1,3}$/.test(v),
  rowspan: (v, el) => (el === 'td' || el === 'th') && /^\d{1,3}$/.test(v),
  span: (v, el) => (el === 'col' || el === 'colgroup') && /^\d{1,3}$/.test(v),
  start: (v, el) => el === 'ol' && /^-?\d{1,6}$/.test(v),
  lang: (v) => /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(v),
  dir: (v) => v === 'ltr' || v === 'rtl' || v === 'auto',
  // Only read to show a link's address as text (see showLinksAsText); never written out.
  href: (_v, el) => el === 'a',
};

/** Deeper nesting than this is flattened to text (a hostile file's 20 000 nested divs stay readable). */
const MAX_DEPTH = 200;

export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}

const CONFIG: Config & { RETURN_DOM: true } = {
  // body: the root handed in (its inner HTML is the result, the element itself is never written).
  ALLOWED_TAGS: [...KEEP, 'a', 'body'],
  ALLOWED_ATTR: Object.keys(ATTRIBUTES),
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  KEEP_CONTENT: true,
  FORBID_CONTENTS: [...DROP_COUNTED, ...DROP_SILENT],
  RETURN_DOM: true,
};

/**
 * One DOMPurify for the page, with the allow-lists above. Everything not listed is unwrapped (its
 * words kept: font, center, o:p…), except the DROP_* elements, which go with their content.
 */
function createSanitizer(): { purify: DOMPurify; counter: { removed: number } } {
  const purify = createDOMPurify(window);
  const counter = { removed: 0 };
  purify.addHook('uponSanitizeElement', (_node, data) => {
    if (DROP_COUNTED.has(data.tagName)) counter.removed++;
  });
  purify.addHook('beforeSanitizeAttributes', (node) => {
    // DOMPurify removes a whole element carrying is= when it returns a DOM; this view keeps its words.
    if (node instanceof Element && node.hasAttribute('is')) node.removeAttribute('is');
  });
  purify.addHook('uponSanitizeAttribute', (node, data) => {
    const check = Object.prototype.hasOwnProperty.call(ATTRIBUTES, data.attrName) ? ATTRIBUTES[data.attrName] : undefined;
    if (!check || !check(data.attrValue, node.nodeName.toLowerCase())) data.keepAttr = false;
  });
  return { purify, counter };
}

let sanitizer: ReturnType<typeof createSanitizer> | null = null;

/** A link's address shown as text after it (never as a link): the judge may want to note it. */
function showLinksAsText(root: Element): void {
  for (const link of Array.from(root.querySelectorAll('a'))) {
    const href = link.getAttribute('href')?.trim() ?? '';
    const parts: Node[] = Array.from(link.childNodes);
    if (/^(https?:|mailto:)/i.test(href) && !(link.textContent ?? '').includes(href)) {
      const address = root.ownerDocument.createElement('span');
      address.className = 'href';
      address.textContent = `(${href.slice(0, 500)})`;
      parts.push(root.ownerDocument.createTextNode(' '), address);
    }
    link.replaceWith(...parts);
  }
}

/** Elements nested deeper than MAX_DEPTH become their text; iterative, so depth cannot overflow. */
function flattenDeepNesting(root: Element): void {
  const stack: { node: Element; depth: number }[] = Array.from(root.children).map((node) => ({ node, depth: 0 }));
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth >= MAX_DEPTH) node.replaceWith(root.ownerDocument.createTextNode(node.textContent ?? ''));
    else for (const child of Array.from(node.children)) stack.push({ node: child, depth: depth + 1 });
  }
}

/** Sanitised inner HTML of `body` (normally DOMParser's document.body, which stays untouched). */
export function sanitizeArticle(body: HTMLElement): SanitizedHtml {
  sanitizer ??= createSanitizer();
  sanitizer.counter.removed = 0;
  const clean = sanitizer.purify.sanitize(body, CONFIG);
  showLinksAsText(clean);
  flattenDeepNesting(clean);
  return { html: clean.innerHTML, removed: sanitizer.counter.removed };
}

/**
 * Renames event-handler attributes and <base> inside tags before the browser parses the file. Not a
 * safety layer (parsing is inert and the sanitizer drops them anyway): it keeps the page's CSP from
 * logging a violation for every onclick= an entrant's file contains.
 */
export function defuseMarkup(html: string): string {
  return html.replace(/<[A-Za-z][^>]*>/g, (tag) =>
    tag.replace(/^<base\b/i, '<x-base').replace(/([\s/"'])on([A-Za-z]+\s*=)/gi, '$1data-off-on$2'),
  );
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

/** A complete document for <iframe sandbox="" srcdoc>. `bodyHtml` must come from sanitizeArticle. */
export function buildSrcdoc(bodyHtml: string, lang: string): string {
  return (
    '<!doctype html><html lang="' +
    escapeAttribute(lang) +
    '"><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${SRCDOC_CSP}">` +
    `<style>${SRCDOC_STYLE}</style></head><body>${bodyHtml}</body></html>`
  );
}
