// The pure parts of the HTML article view: the frame's document and the pre-parse defusing. The
// sanitizer itself (DOMPurify) needs a DOM and is tested rule by rule in a real browser:
// tests/e2e/sanitize-html.spec.ts.
import { describe, expect, it } from 'vitest';
import { buildSrcdoc, defuseMarkup, SRCDOC_CSP } from '../../../src-renderer/src/components/preview/sanitizeHtml';

describe('HTML article frame', () => {
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
