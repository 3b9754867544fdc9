// A winner's poster for WeChat (issue 17), laid out by the certificate layout engine
// (core/certificates/layout.ts: the embedded font's metrics, kinsoku, balanced centred lines, no
// lone character on a last line) into the same drawing schema, in pixels: 1080×1920 (story) or
// 1080×1080 (square). From top to bottom: the organizers and the campaign, the award tier large
// and red, the category, the work's title, the entrant and unit, and the QR holding the
// certificate's full signed code with the serial and typed check code beside or under it.
// Text that does not fit shrinks together (down to each block's floor) before anything overlaps.
import type { CertificateDrawing, DrawItem } from '../../contract/certificates';
import type { LocalizedText } from '../../contract/domain';
import { POSTER_PIXELS, type PosterLanguage, type PosterSize } from '../../contract/showcase';
import { block, type Block, fit, type Fitted, FONT_FAMILY, heightOf, keepTogether, place, qrRows } from '../certificates/layout';

export interface PosterContent {
  organizers: LocalizedText[];
  campaign: LocalizedText;
  tier: LocalizedText;
  category: LocalizedText;
  title: string;
  entrant: string;
  unit: string | null;
  serial: string;
  /** "K7QM3-XRD2P" */
  check: string;
  /** The certificate's full signed code: the QR holds exactly what the certificate's QR holds. */
  code: string;
  labels: { serial: LocalizedText; check: LocalizedText; verify: LocalizedText };
}

const GOLD = '#a8842c';
const RED = '#9b1b1b';
const INK = '#222222';
const SOFT = '#555049';
const GROUND = '#fffdf6';

export function layoutPoster(content: PosterContent, size: PosterSize, language: PosterLanguage = 'bilingual'): CertificateDrawing {
  const { width: W, height: H } = POSTER_PIXELS[size];
  const story = size === 'story';
  const zh = language !== 'en';
  const en = language !== 'zh-CN';
  const both = zh && en;
  const pick = (t: LocalizedText) => (zh ? t['zh-CN'] : t.en);
  const items: DrawItem[] = [];

  items.push({ type: 'rect', x: 0, y: 0, w: W, h: H, stroke: null, fill: GROUND, lineWidth: 0 });
  items.push({ type: 'rect', x: 28, y: 28, w: W - 56, h: H - 56, stroke: GOLD, fill: null, lineWidth: 7 });
  items.push({ type: 'rect', x: 44, y: 44, w: W - 88, h: H - 88, stroke: GOLD, fill: null, lineWidth: 2 });
  const left = 96;
  const width = W - 2 * left;

  // Top: organizers and the campaign.
  const top: Block[] = [];
  if (zh) top.push({ ...block('organizers', '\u3000', 'regular', story ? 30 : 26, 18, 2, 1.4, SOFT, 0, width, 0), units: content.organizers.map((o) => o['zh-CN']) });
  if (en) top.push({ ...block('organizers', '  ·  ', 'regular', zh ? 21 : 28, 16, 2, 1.35, SOFT, 0, width, zh ? 6 : 0), units: content.organizers.map((o) => o.en) });
  if (zh) top.push(block('campaign', content.campaign['zh-CN'], 'bold', story ? 42 : 34, 24, 2, 1.3, INK, 2, width, 18));
  if (en) top.push(block('campaign', content.campaign.en, zh ? 'regular' : 'bold', zh ? 24 : story ? 38 : 32, 16, 2, 1.3, zh ? SOFT : INK, 0, width, zh ? 8 : 18));
  let y = story ? 110 : 84;
  for (const b of top.map((b) => fit(b))) {
    y += b.gapBefore;
    items.push(place(b, left, y));
    y += heightOf(b);
  }
  y += story ? 36 : 22;
  items.push({ type: 'line', x1: W / 2 - 150, y1: round(y), x2: W / 2 + 150, y2: round(y), color: GOLD, lineWidth: 3 });
  items.push({ type: 'rect', x: W / 2 - 8, y: round(y - 8), w: 16, h: 16, stroke: null, fill: GOLD, lineWidth: 0 });
  const middleTop = y + (story ? 40 : 26);

  // Bottom: the QR with the serial and check; under it on a story poster, beside it on a square one.
  const qrSize = story ? 300 : 210;
  const label = (t: LocalizedText) => (both ? `${t['zh-CN']} ${t.en}` : pick(t));
  const colon = zh ? '：' : ': ';
  const infoWidth = story ? width : width - qrSize - 36;
  const info: Block[] = [
    block('serial', `${label(content.labels.serial)}${colon}${keepTogether(content.serial)}`, 'bold', story ? 30 : 26, 18, 2, 1.35, INK, 0, infoWidth, 0),
    block('check', `${label(content.labels.check)}${colon}${content.check}`, 'bold', story ? 30 : 26, 18, 2, 1.35, INK, 0, infoWidth, 6),
    block('verifyHint', both ? `${content.labels.verify['zh-CN']}\n${content.labels.verify.en}` : pick(content.labels.verify), 'regular', story ? 22 : 19, 14, 4, 1.35, SOFT, 0, infoWidth, 12),
  ];
  // Centred under the QR on a story poster (balanced lines); left-aligned beside it on a square one.
  const infoFitted = info.map((b) => fit({ ...b, balance: story }));
  const infoHeight = stackHeight(infoFitted);
  const bottom = H - (story ? 100 : 84);
  let bandTop: number;
  if (story) {
    bandTop = bottom - infoHeight - 28 - qrSize;
    items.push({ type: 'qr', x: (W - qrSize) / 2, y: round(bandTop), size: qrSize, rows: qrRows(content.code), color: '#111111' });
    y = bandTop + qrSize + 28;
    for (const b of infoFitted) {
      y += b.gapBefore;
      items.push(place(b, left, y, 'center'));
      y += heightOf(b);
    }
  } else {
    bandTop = bottom - Math.max(qrSize, infoHeight);
    items.push({ type: 'qr', x: left, y: round(bandTop), size: qrSize, rows: qrRows(content.code), color: '#111111' });
    y = bandTop + Math.max(0, (qrSize - infoHeight) / 2);
    for (const b of infoFitted) {
      y += b.gapBefore;
      items.push(place(b, left + qrSize + 36, y, 'left'));
      y += heightOf(b);
    }
  }

  // Middle: the award and the work, shrunk together until they fit, centred in the space.
  const middle: Block[] = [];
  if (zh) middle.push(block('tier', content.tier['zh-CN'], 'bold', story ? 108 : 80, 48, 2, 1.15, RED, [...content.tier['zh-CN']].length <= 6 ? 10 : 2, width, 0));
  if (en) middle.push(block('tier', both ? content.tier.en.toUpperCase() : content.tier.en, 'bold', zh ? (story ? 34 : 28) : story ? 80 : 60, 20, 2, 1.2, RED, both ? 4 : 1, width, zh ? 10 : 0));
  const category = both ? `${content.category['zh-CN']} · ${content.category.en}` : pick(content.category);
  middle.push(block('category', category, 'regular', story ? 34 : 28, 20, 2, 1.35, SOFT, 0, width, story ? 30 : 18));
  middle.push(block('title', content.title, 'bold', story ? 72 : 52, 30, story ? 4 : 3, 1.3, INK, 0, width, story ? 48 : 26));
  middle.push(block('entrant', content.entrant, 'bold', story ? 50 : 38, 24, 2, 1.3, INK, 0, width, story ? 44 : 24));
  if (content.unit) middle.push(block('unit', content.unit, 'regular', story ? 32 : 27, 18, 3, 1.35, SOFT, 0, width, 10));
  const available = bandTop - (story ? 56 : 30) - middleTop;
  let fitted = middle.map((b) => fit(b));
  for (let scale = 0.94; stackHeight(fitted) > available && scale >= 0.5; scale -= 0.06) fitted = middle.map((b) => fit({ ...b, gapBefore: b.gapBefore * scale }, scale));
  y = middleTop + Math.max(0, (available - stackHeight(fitted)) * 0.45);
  fitted.forEach((b, i) => {
    if (i) y += b.gapBefore;
    items.push(place(b, left, y));
    y += heightOf(b);
  });

  return { width: W, height: H, background: GROUND, fontFamily: FONT_FAMILY, items };
}

function stackHeight(list: Fitted[]): number {
  return list.reduce((s, b, i) => s + heightOf(b) + (i ? b.gapBefore : 0), 0);
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
