// A layout drawing (contract CertificateDrawing: the certificate engine's output, used by posters
// and the showcase's cover cards) as SVG, rendered to PNG by @resvg/resvg-js with the embedded
// Noto Sans SC loaded from its files (never system fonts), so a poster looks the same on every
// machine and its line breaks are the ones the layout measured with the same font.
// The SVG mirrors the renderer's certificate preview (components/certificates/CertificateDrawingSvg);
// every text is XML-escaped here, since titles and names come from entrants.
import { Resvg } from '@resvg/resvg-js';
import type { CertificateDrawing } from '../../contract/certificates';
import { fontPath } from '../pdf/fonts';

export function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function qrPath(rows: string[], x: number, y: number, size: number): string {
  const m = size / rows.length;
  let d = '';
  rows.forEach((row, r) => {
    for (let c = 0; c < row.length; c++) if (row[c] === '1') d += `M${(x + c * m).toFixed(3)} ${(y + r * m).toFixed(3)}h${m.toFixed(3)}v${m.toFixed(3)}h-${m.toFixed(3)}z`;
  });
  return d;
}

/** `images`: data URLs (or file hrefs resvg can read) by image role. */
export function drawingToSvg(drawing: CertificateDrawing, images: Partial<Record<string, string>> = {}): string {
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${drawing.width}" height="${drawing.height}" viewBox="0 0 ${drawing.width} ${drawing.height}" font-family="${xmlEscape(drawing.fontFamily)}">`,
    `<rect x="0" y="0" width="${drawing.width}" height="${drawing.height}" fill="${drawing.background}"/>`,
  ];
  for (const item of drawing.items) {
    switch (item.type) {
      case 'rect':
        out.push(`<rect x="${item.x}" y="${item.y}" width="${item.w}" height="${item.h}" fill="${item.fill ?? 'none'}" stroke="${item.stroke ?? 'none'}" stroke-width="${item.lineWidth}"/>`);
        break;
      case 'line':
        out.push(`<line x1="${item.x1}" y1="${item.y1}" x2="${item.x2}" y2="${item.y2}" stroke="${item.color}" stroke-width="${item.lineWidth}"/>`);
        break;
      case 'image': {
        const href = images[item.role];
        if (href) out.push(`<image href="${xmlEscape(href)}" x="${item.x}" y="${item.y}" width="${item.w}" height="${item.h}" preserveAspectRatio="xMidYMid meet"/>`);
        break;
      }
      case 'qr':
        // A white quiet zone of 4 modules around the code, as readers expect.
        out.push(`<rect x="${item.x - (4 * item.size) / item.rows.length}" y="${item.y - (4 * item.size) / item.rows.length}" width="${item.size * (1 + 8 / item.rows.length)}" height="${item.size * (1 + 8 / item.rows.length)}" fill="#ffffff"/>`);
        out.push(`<path d="${qrPath(item.rows, item.x, item.y, item.size)}" fill="${item.color}" shape-rendering="crispEdges"/>`);
        break;
      case 'text': {
        const spacing = item.letterSpacing ? ` letter-spacing="${item.letterSpacing}"` : '';
        out.push(`<g fill="${item.color}" font-size="${item.size}" font-weight="${item.weight === 'bold' ? 700 : 400}"${spacing} data-role="${xmlEscape(item.role)}">`);
        for (const line of item.lines) out.push(`<text x="${line.x}" y="${line.y}" xml:space="preserve">${xmlEscape(line.text)}</text>`);
        out.push('</g>');
        break;
      }
    }
  }
  out.push('</svg>');
  return out.join('\n');
}

/** Renders SVG to PNG at `width` pixels wide with the embedded font only. */
export function svgToPng(svg: string, width?: number): Buffer {
  const resvg = new Resvg(svg, {
    font: { loadSystemFonts: false, fontFiles: [fontPath('regular'), fontPath('bold')], defaultFontFamily: 'Noto Sans SC', sansSerifFamily: 'Noto Sans SC' },
    fitTo: width ? { mode: 'width', value: width } : { mode: 'original' },
    background: 'rgba(255, 255, 255, 1)',
  });
  return resvg.render().asPng();
}

/** The drawing as a PNG of exactly its own size (width × height pixels). */
export function drawingToPng(drawing: CertificateDrawing, images: Partial<Record<string, string>> = {}): Buffer {
  return svgToPng(drawingToSvg(drawing, images), drawing.width);
}
