// The certificate layout: content + template → a drawing (contract/certificates.ts). Pure apart
// from font measurement: every line break, size and position is decided here with the embedded
// font's metrics, so the PDF writer and the renderer's SVG preview draw the same thing.
//
// The page: a cream ground in a double gold frame; organizers across the top; the title large
// and red; the holder's name prominent with the unit under it; the award or role sentence; at
// the bottom left the QR code with serial, validity and the verification code; at the bottom
// right the signer line and the date with the seal over them and the signature above.
// Text that does not fit shrinks (down to a floor) and then wraps; Chinese breaks between any two
// characters except before closing or after opening punctuation (kinsoku), Latin at spaces, never
// inside a date ("2028年12月1日", "1 December 2028": no-break spaces). Centred text is balanced:
// wrapped to the narrowest width that keeps the same number of lines, so no line ends with a
// lone character or "委员。" (as "…专业委员 / 会" did).
import QRCode from 'qrcode';
import type { CertificateDrawing, CertificateLanguage, DrawItem, DrawText, ListType, Orientation } from '../../contract/certificates';
import type { LocalizedText } from '../../contract/domain';
import { type FontWeight, textWidth } from '../pdf/fonts';

export const A4 = { portrait: { width: 595.28, height: 841.89 }, landscape: { width: 841.89, height: 595.28 } } as const;
export const FONT_FAMILY = 'Noto Sans SC';

export interface CertificateContent {
  type: ListType;
  organizers: LocalizedText[];
  title: LocalizedText;
  holderName: string;
  holderUnit: string | null;
  /** The award or role sentence, already worded in both languages. */
  body: LocalizedText;
  signer: LocalizedText;
  issueDate: string;
  validUntil: string | null;
  serial: string;
  /** The full signed verification code: the QR holds it (and the PDF's information entry). */
  code: string;
  /** The printed check code ("K7QM3-XRD2P"): with the serial, what a person types to verify. */
  check: string;
  labels: { serial: LocalizedText; check: LocalizedText; validUntil: LocalizedText; verify: LocalizedText };
  /** Which uploaded images exist, with their pixel sizes (for the aspect ratio). */
  images: { seal: { width: number; height: number } | null; signature: { width: number; height: number } | null };
}

export interface TemplateOptions {
  orientation: Orientation;
  language: CertificateLanguage;
}

const GOLD = '#a8842c';
const RED = '#9b1b1b';
const INK = '#222222';
const SOFT = '#555049';

/** Fraction of the font size above the baseline that CJK and capitals occupy (Noto Sans SC). */
const ASCENT = 0.88;
const DESCENT = 0.14;

const OPENING = new Set('（《「『“‘([{【〔');
const CLOSING = new Set('，。、；：？！）》」』”’,.;:?!)]}】〕…·');
// A Chinese date, one CJK character, a run of other characters with the spaces after it, or
// spaces. Only ordinary spaces and tabs break: a no-break space (U+00A0) stays inside its word.
const TOKEN = /\d{4}年\d{1,2}月\d{1,2}日|[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u2018-\u201d\u2026\u00b7]|[^ \t\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u2018-\u201d\u2026\u00b7]+[ \t]*|[ \t]+/g;
const NBSP = /\u00a0/g;

/** Text whose spaces must not break ("1 December 2028"). */
export function keepTogether(text: string): string {
  return text.replace(/ /g, '\u00a0');
}

function measure(text: string, weight: FontWeight, size: number, spacing: number): number {
  const shown = text.replace(NBSP, ' ');
  return textWidth(shown, weight, size) + spacing * Math.max(0, [...shown].length - 1);
}

/** Greedy line breaking with the embedded font's advances. */
export function wrapText(text: string, weight: FontWeight, size: number, maxWidth: number, spacing = 0): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    const tokens = paragraph.match(TOKEN) ?? [];
    let line = '';
    for (let i = 0; i < tokens.length; i++) {
      let token = tokens[i];
      const candidate = line + token;
      if (line === '' || measure(candidate.trimEnd(), weight, size, spacing) <= maxWidth) {
        line = candidate;
        // A first word longer than the whole line (a long URL or title without spaces) is cut too.
        if (candidate === token) line = cutToWidth(line, lines, weight, size, maxWidth, spacing);
        continue;
      }
      // Closing punctuation hangs on the line it follows rather than starting the next one.
      if (CLOSING.has(token.trim()) && token.trim().length === 1) {
        line = candidate;
        continue;
      }
      // Opening punctuation moves down with what it opens.
      const last = [...line.trimEnd()].pop() ?? '';
      if (OPENING.has(last) && line.trimEnd().length > 1) {
        line = line.trimEnd().slice(0, -last.length);
        token = last + token;
      }
      lines.push(line.trimEnd());
      line = cutToWidth(token.trimStart(), lines, weight, size, maxWidth, spacing);
    }
    lines.push(line.trimEnd());
  }
  return lines.filter((l, _i, all) => l !== '' || all.length === 1).map((l) => l.replace(NBSP, ' '));
}

/** A word longer than the whole line is cut by characters: full pieces go to `lines`, the rest is returned. */
function cutToWidth(word: string, lines: string[], weight: FontWeight, size: number, maxWidth: number, spacing: number): string {
  let line = word;
  while (measure(line.trimEnd(), weight, size, spacing) > maxWidth && [...line].length > 1) {
    const chars = [...line];
    let n = chars.length - 1;
    while (n > 1 && measure(chars.slice(0, n).join(''), weight, size, spacing) > maxWidth) n--;
    lines.push(chars.slice(0, n).join(''));
    line = chars.slice(n).join('');
  }
  return line;
}

/** Like wrapText, but breaks only between `units` (names in a list) unless one alone is too wide. */
export function wrapUnits(units: readonly string[], separator: string, weight: FontWeight, size: number, maxWidth: number, spacing = 0): string[] {
  const lines: string[] = [];
  let line = '';
  for (const unit of units) {
    const candidate = line ? line + separator + unit : unit;
    if (measure(candidate, weight, size, spacing) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    const parts = wrapText(unit, weight, size, maxWidth, spacing);
    lines.push(...parts.slice(0, -1));
    line = parts[parts.length - 1] ?? '';
  }
  if (line || lines.length === 0) lines.push(line);
  return lines.map((l) => l.replace(NBSP, ' '));
}

/** A text block for `fit` (shared with the posters' layout, core/posters). */
export interface Block {
  role: string;
  text: string;
  /** Set for a list of names: break between them, joined by `text` as the separator. */
  units?: readonly string[];
  weight: FontWeight;
  size: number;
  minSize: number;
  maxLines: number;
  /** Even out the lines (centred text); left-aligned notes keep greedy breaking. */
  balance?: boolean;
  lineHeight: number;
  color: string;
  spacing: number;
  width: number;
  gapBefore: number;
}

export interface Fitted extends Block {
  lines: string[];
}

export function fit(block: Block, scale = 1): Fitted {
  const wrap = (size: number, width = block.width) =>
    block.units ? wrapUnits(block.units, block.text, block.weight, size, width, block.spacing) : wrapText(block.text, block.weight, size, width, block.spacing);
  let size = Math.max(block.minSize, block.size * scale);
  let lines = wrap(size);
  while (lines.length > block.maxLines && size > block.minSize) {
    size = Math.max(block.minSize, size * 0.94);
    lines = wrap(size);
  }
  if (block.balance !== false && lines.length > 1) lines = balanced(lines.length, (width) => wrap(size, width), block.width);
  return { ...block, size, lines };
}

/**
 * The lines at the narrowest width (to a point) that still gives `count` lines: the breaks move
 * back until the last line is as full as the others. Bisection: fewer width never means fewer lines.
 */
function balanced(count: number, wrapAt: (width: number) => string[], width: number): string[] {
  let lo = width / count;
  let hi = width;
  while (hi - lo > 1) {
    const mid = (lo + hi) / 2;
    if (wrapAt(mid).length <= count) hi = mid;
    else lo = mid;
  }
  return wrapAt(hi);
}

export function heightOf(b: Fitted): number {
  return (b.lines.length - 1) * b.size * b.lineHeight + b.size * (ASCENT + DESCENT);
}

/** A text item with the lines aligned in [left, left + width], the first baseline at top + ascent. */
export function place(b: Fitted, left: number, top: number, align: DrawText['align'] = 'center'): DrawText {
  return {
    type: 'text',
    role: b.role,
    weight: b.weight,
    size: round(b.size),
    color: b.color,
    letterSpacing: b.spacing,
    align,
    lines: b.lines.map((text, i) => {
      const w = measure(text, b.weight, b.size, b.spacing);
      const x = align === 'left' ? left : align === 'right' ? left + b.width - w : left + (b.width - w) / 2;
      return { text, x: round(x), y: round(top + b.size * ASCENT + i * b.size * b.lineHeight), width: round(w) };
    }),
  };
}

export function formatDate(date: string, language: 'zh-CN' | 'en'): string {
  const d = new Date(`${date}T00:00:00Z`);
  return new Intl.DateTimeFormat(language === 'zh-CN' ? 'zh-CN' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(d);
}

/** The QR modules of a code at error correction M, one '0'/'1' string per row. */
export function qrRows(code: string): string[] {
  const qr = QRCode.create(code, { errorCorrectionLevel: 'M' });
  const { size, data } = qr.modules;
  const rows: string[] = [];
  for (let r = 0; r < size; r++) {
    let row = '';
    for (let c = 0; c < size; c++) row += data[r * size + c] ? '1' : '0';
    rows.push(row);
  }
  return rows;
}

export function layoutCertificate(content: CertificateContent, options: TemplateOptions): CertificateDrawing {
  const landscape = options.orientation === 'landscape';
  const { width: W, height: H } = A4[options.orientation];
  const zh = options.language !== 'en';
  const en = options.language !== 'zh-CN';
  const both = zh && en;
  const pick = (t: LocalizedText) => (zh ? t['zh-CN'] : t.en);
  const items: DrawItem[] = [];

  // Frame: a heavy outer rule, a fine inner one, squares at the inner corners.
  items.push({ type: 'rect', x: 0, y: 0, w: round(W), h: round(H), stroke: null, fill: '#fffdf6', lineWidth: 0 });
  items.push({ type: 'rect', x: 16, y: 16, w: round(W - 32), h: round(H - 32), stroke: GOLD, fill: null, lineWidth: 2.6 });
  items.push({ type: 'rect', x: 24, y: 24, w: round(W - 48), h: round(H - 48), stroke: GOLD, fill: null, lineWidth: 0.8 });
  for (const [cx, cy] of [[24, 24], [W - 24, 24], [24, H - 24], [W - 24, H - 24]]) {
    items.push({ type: 'rect', x: round(cx - 4), y: round(cy - 4), w: 8, h: 8, stroke: null, fill: GOLD, lineWidth: 0 });
  }

  const left = landscape ? 70 : 58;
  const contentWidth = W - 2 * left;
  const bandHeight = landscape ? 122 : 136;
  const bandTop = H - 44 - bandHeight;

  // Top: organizers, then the title with a short rule under it.
  const top: Block[] = [];
  const orgWidth = contentWidth - 20;
  if (zh) top.push({ ...block('organizers', '\u3000', 'regular', 12, 8, 2, 1.45, SOFT, 0, orgWidth, 0), units: content.organizers.map((o) => o['zh-CN']) });
  if (en) top.push({ ...block('organizers', '  ·  ', 'regular', zh ? 8.5 : 11, zh ? 6.5 : 8, zh ? 2 : 3, 1.35, SOFT, 0, orgWidth, 4), units: content.organizers.map((o) => o.en) });
  const titleZh = content.title['zh-CN'];
  const titleSpacing = (n: number) => (n <= 4 ? 14 : n <= 6 ? 8 : 2);
  if (zh) top.push(block('title', titleZh, 'bold', landscape ? 44 : 42, 24, 1, 1.2, RED, titleSpacing([...titleZh].length), contentWidth, 16));
  if (en) {
    const text = both ? content.title.en.toUpperCase() : content.title.en;
    top.push(block('title', text, 'bold', both ? 15 : 34, both ? 10 : 20, both ? 1 : 2, 1.2, RED, both ? 2.5 : 1, contentWidth, both ? 8 : 16));
  }
  let y = landscape ? 52 : 64;
  for (const b of top.map((b) => fit(b))) {
    y += b.gapBefore;
    items.push(place(b, left, y));
    y += heightOf(b);
  }
  y += 10;
  items.push({ type: 'line', x1: round(W / 2 - 70), y1: round(y), x2: round(W / 2 + 70), y2: round(y), color: GOLD, lineWidth: 1 });
  items.push({ type: 'rect', x: round(W / 2 - 3), y: round(y - 3), w: 6, h: 6, stroke: null, fill: GOLD, lineWidth: 0 });
  const middleTop = y + 10;

  // Middle: holder, unit, body — shrunk together until they fit, then centred in the space.
  const bodyWidth = landscape ? 640 : contentWidth - 10;
  const middle: Block[] = [
    block('holder', content.holderName, 'bold', landscape ? 32 : 30, 16, 2, 1.25, INK, content.holderName.length <= 4 && /^[\u4e00-\u9fff]+$/.test(content.holderName) ? 6 : 0, bodyWidth, 0),
  ];
  if (content.holderUnit) middle.push(block('unit', content.holderUnit, 'regular', 14, 9, 2, 1.35, SOFT, 0, bodyWidth, 8));
  if (zh) middle.push(block('body', content.body['zh-CN'], 'regular', 15.5, 10, landscape ? 4 : 6, 1.75, INK, 0.5, bodyWidth, 20));
  if (en) middle.push(block('body', content.body.en, 'regular', zh ? 10.5 : 14, 7.5, landscape ? 4 : 6, 1.45, zh ? SOFT : INK, 0, bodyWidth, zh ? 8 : 20));
  const available = bandTop - 12 - middleTop;
  let fitted = middle.map((b) => fit(b));
  const total = (list: Fitted[]) => list.reduce((s, b, i) => s + heightOf(b) + (i ? b.gapBefore : 0), 0);
  for (let scale = 0.94; total(fitted) > available && scale >= 0.55; scale -= 0.06) fitted = middle.map((b) => fit({ ...b, gapBefore: b.gapBefore * scale }, scale));
  // A little above the centre of the free space: the eye expects the name above the middle.
  y = middleTop + Math.max(0, (available - total(fitted)) * 0.42);
  fitted.forEach((b, i) => {
    if (i) y += b.gapBefore;
    items.push(place(b, (W - bodyWidth) / 2, y));
    y += heightOf(b);
  });

  // Bottom left: the QR (the full signed code), and beside it the serial and check code a person
  // types, the validity and how to verify. The 220-character code itself is not printed: nobody
  // types it from paper, and the QR and the PDF carry it.
  const qrSize = landscape ? 80 : 86;
  const qrTop = H - 44 - qrSize;
  items.push({ type: 'qr', x: left, y: round(qrTop), size: qrSize, rows: qrRows(content.code), color: '#111111' });
  const infoLeft = left + qrSize + 10;
  const infoWidth = landscape ? 220 : 200;
  const label = (t: LocalizedText) => (both ? `${t['zh-CN']} ${t.en}` : pick(t));
  const colon = zh ? '：' : ': ';
  const dateText = (d: string) => (both ? `${formatDate(d, 'zh-CN')} / ${keepTogether(formatDate(d, 'en'))}` : keepTogether(formatDate(d, zh ? 'zh-CN' : 'en')));
  const info: Block[] = [
    block('serial', `${label(content.labels.serial)}${colon}${content.serial}`, 'bold', 9.5, 7, 2, 1.35, INK, 0, infoWidth, 0),
    block('check', `${label(content.labels.check)}${colon}${content.check}`, 'bold', 9.5, 7, 2, 1.35, INK, 0, infoWidth, 3),
  ];
  if (content.validUntil) info.push(block('validUntil', `${label(content.labels.validUntil)}${colon}${dateText(content.validUntil)}`, 'regular', 8.5, 6.5, 2, 1.35, INK, 0, infoWidth, 5));
  info.push(block('verifyHint', both ? `${content.labels.verify['zh-CN']}\n${content.labels.verify.en}` : pick(content.labels.verify), 'regular', 7, 5.5, 4, 1.35, SOFT, 0, infoWidth, 6));
  y = qrTop;
  for (const b of info.map((b) => fit({ ...b, balance: false }))) {
    y += b.gapBefore;
    items.push(place(b, infoLeft, y, 'left'));
    y += heightOf(b);
  }

  // Bottom right: signature above the signer line, the date, the seal over both.
  const signWidth = landscape ? 230 : 200;
  const signLeft = W - left - signWidth;
  const cx = signLeft + signWidth / 2;
  const sign: Block[] = [];
  if (zh) sign.push(block('signer', content.signer['zh-CN'], 'bold', 14, 9, 2, 1.3, INK, 0, signWidth, 0));
  if (en) sign.push(block('signer', content.signer.en, zh ? 'regular' : 'bold', zh ? 8.5 : 12, 6.5, 2, 1.3, INK, 0, signWidth, 3));
  if (zh) sign.push(block('date', formatDate(content.issueDate, 'zh-CN'), 'regular', 12, 8, 1, 1.3, INK, 0, signWidth, 8));
  if (en) sign.push(block('date', keepTogether(formatDate(content.issueDate, 'en')), 'regular', zh ? 8.5 : 11, 6.5, 1, 1.3, INK, 0, signWidth, zh ? 3 : 8));
  const signFitted = sign.map((b) => fit(b));
  const signHeight = total(signFitted);
  const signTop = H - 48 - signHeight;
  y = signTop;
  signFitted.forEach((b, i) => {
    if (i) y += b.gapBefore;
    items.push(place(b, signLeft, y));
    y += heightOf(b);
  });
  if (content.images.signature) {
    items.push({ type: 'image', role: 'signature', ...fitBox(content.images.signature, cx - 65, signTop - 46, 130, 42) });
  }
  if (content.images.seal) {
    // Centred on the signer and the date, as a stamped seal is.
    const s = landscape ? 104 : 100;
    items.push({ type: 'image', role: 'seal', ...fitBox(content.images.seal, cx - s / 2, signTop + signHeight * 0.5 - s / 2, s, s) });
  }

  return { width: round(W), height: round(H), background: '#fffdf6', fontFamily: FONT_FAMILY, items };
}

export function block(role: string, text: string, weight: FontWeight, size: number, minSize: number, maxLines: number, lineHeight: number, color: string, spacing: number, width: number, gapBefore: number): Block {
  return { role, text, weight, size, minSize, maxLines, lineHeight, color, spacing, width, gapBefore };
}

function fitBox(image: { width: number; height: number }, x: number, y: number, w: number, h: number) {
  const scale = Math.min(w / image.width, h / image.height);
  const iw = image.width * scale;
  const ih = image.height * scale;
  return { x: round(x + (w - iw) / 2), y: round(y + (h - ih) / 2), w: round(iw), h: round(ih) };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
