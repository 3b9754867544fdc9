// The showcase page (index.html): one self-contained HTML file with its CSS and a few lines of
// inline script, no font, script or style from anywhere else, so it opens from disk (file://)
// with no network and works unchanged on any web server. Both languages are in the page; a
// button toggles which one shows (remembered in the address's #zh / #en, so a link can choose);
// without script the Chinese shows. Every string that comes from entrants or the programme is
// HTML-escaped here (a title "<script>…" is shown as text), and covers are relative links into
// assets/ only.
import type { LocalizedText } from '../../contract/domain';
import type { Wording } from '../certificates/content';
import type { Announcement, Winner } from './winners';

/** Escapes text for HTML element content and double- or single-quoted attribute values. */
export function htmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Both languages, one shown at a time by the page's class. */
function bi(text: LocalizedText): string {
  return `<span class="zh" lang="zh-CN">${htmlEscape(text['zh-CN'])}</span><span class="en" lang="en">${htmlEscape(text.en)}</span>`;
}

export interface PageInput {
  announcement: Announcement;
  /** The cover of each winner, relative to index.html ("assets/covers/…"), by reg no. */
  covers: Map<string, string>;
  wording: Wording;
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font-family:"Noto Sans SC","PingFang SC","Microsoft YaHei","Source Han Sans SC",system-ui,sans-serif;background:#fbf8f1;color:#222;line-height:1.5}
body:not(.show-en) .en,body.show-en .zh{display:none}
header{background:#9b1b1b;color:#fffdf6;padding:28px 110px 22px;text-align:center;position:relative}
header .organizers{margin:0 0 6px;font-size:14px;opacity:.9}
header h1{margin:0;font-size:28px;letter-spacing:.04em}
header .subtitle{margin:6px 0 0;font-size:15px;opacity:.9}
#lang-toggle{position:absolute;top:14px;right:14px;background:#fffdf6;color:#9b1b1b;border:0;border-radius:4px;padding:6px 12px;font:inherit;font-size:14px;cursor:pointer}
nav{display:flex;flex-wrap:wrap;gap:8px 18px;justify-content:center;padding:12px;background:#f1e8d4;font-size:15px}
nav a{color:#7a1515}
main{max-width:1180px;margin:0 auto;padding:12px 18px 40px}
h2{border-bottom:3px solid #a8842c;padding-bottom:6px;margin:32px 0 8px;font-size:24px;color:#7a1515}
h3{margin:20px 0 10px;font-size:18px;color:#5a4a2a}
ul.winners{list-style:none;margin:0;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(250px,1fr));gap:16px}
li.winner{background:#fff;border:1px solid #e4d8bc;border-radius:6px;overflow:hidden;display:flex;flex-direction:column}
li.winner img{width:100%;aspect-ratio:16/10;object-fit:cover;background:#f6eedb;display:block}
li.winner .body{padding:10px 14px 14px}
.tier{display:inline-block;background:#9b1b1b;color:#fff;border-radius:3px;padding:1px 8px;font-size:13px;margin:0 0 6px}
h4.title{margin:0 0 6px;font-size:17px;line-height:1.35;word-break:break-word}
.entrant,.unit,.code{margin:2px 0;font-size:14px;word-break:break-word}
.unit{color:#555049}
.code{margin-top:8px;font-size:12.5px;color:#333;font-family:ui-monospace,Consolas,"Noto Sans Mono",monospace}
.code .serial,.code .check{white-space:nowrap}
@media (max-width:640px){header{padding:52px 16px 18px}}
.code .label{font-family:"Noto Sans SC","Microsoft YaHei",sans-serif;color:#555049}
footer{text-align:center;font-size:13px;color:#555049;padding:18px 24px 30px}
@media print{#lang-toggle,nav{display:none}}
`;

// No storage, no network: the language comes from the address (#en / #zh), else the browser's language.
const SCRIPT = `
(function () {
  var body = document.body;
  function show(lang) {
    body.className = lang === 'en' ? 'show-en' : '';
    document.documentElement.lang = lang;
    var button = document.getElementById('lang-toggle');
    if (button) button.setAttribute('aria-pressed', lang === 'en' ? 'true' : 'false');
  }
  var hash = location.hash.slice(1);
  var lang = hash === 'en' ? 'en' : hash === 'zh' ? 'zh-CN' : String(navigator.language || '').toLowerCase().indexOf('zh') === 0 ? 'zh-CN' : 'en';
  show(lang);
  document.getElementById('lang-toggle').addEventListener('click', function () {
    lang = lang === 'en' ? 'zh-CN' : 'en';
    show(lang);
    try { history.replaceState(null, '', lang === 'en' ? '#en' : '#zh'); } catch (e) { /* file:// in some browsers */ }
  });
})();
`;

export function showcasePage({ announcement: a, covers, wording }: PageInput): string {
  const w = (key: string, vars?: Record<string, string>): LocalizedText => ({ 'zh-CN': wording('zh-CN', key, vars), en: wording('en', key, vars) });
  const winner = (x: Winner) => {
    const cover = covers.get(x.regNo);
    const code = x.certificate
      ? `<p class="code" data-field="code"><span class="label">${bi(w('showcase.page.code'))}</span> <span class="serial">${htmlEscape(x.certificate.serial)}</span> <span class="check">${htmlEscape(x.certificate.check)}</span></p>`
      : '';
    return [
      `<li class="winner" data-reg-no="${htmlEscape(x.regNo)}">`,
      cover ? `<img src="${htmlEscape(encodeURI(cover))}" alt="${htmlEscape(x.title)}" loading="lazy">` : '',
      '<div class="body">',
      `<p class="tier">${bi(x.tier)}</p>`,
      `<h4 class="title">${htmlEscape(x.title)}</h4>`,
      `<p class="entrant"><span class="label">${bi(w('showcase.page.entrant'))}</span> ${htmlEscape(x.entrant)}</p>`,
      x.unit ? `<p class="unit">${htmlEscape(x.unit)}</p>` : '',
      code,
      '</div></li>',
    ].join('');
  };
  const sections = a.lists.map((list, i) =>
    [
      `<section class="list" id="list-${i + 1}">`,
      `<h2>${bi(list.name)}</h2>`,
      ...list.categories.map((c) => `<section class="category"><h3>${bi(c.category)}</h3><ul class="winners">${c.winners.map(winner).join('\n')}</ul></section>`),
      '</section>',
    ].join('\n'),
  );
  const organizers = a.organizers.map((o) => bi(o)).join('<span> · </span>');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<meta name="referrer" content="no-referrer">
<title>${htmlEscape(a.campaignName['zh-CN'])} · ${htmlEscape(a.campaignName.en)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<p class="organizers">${organizers}</p>
<h1>${bi(a.campaignName)}</h1>
<p class="subtitle">${bi(w('showcase.page.subtitle'))}</p>
<button type="button" id="lang-toggle" aria-pressed="false"><span class="zh" lang="en">English</span><span class="en" lang="zh-CN">中文</span></button>
</header>
<nav>${a.lists.map((l, i) => `<a href="#list-${i + 1}">${bi(l.name)}</a>`).join('\n')}</nav>
<main>
${sections.join('\n')}
</main>
<footer>${bi(w('showcase.page.verifyHint'))}</footer>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
