// The certificate preview: the same drawing the PDF writer draws (core/certificates/layout.ts
// decided every line break with the embedded font's metrics), drawn as SVG with that same font
// loaded from the app's own files, so what the print staff see is what prints. The font files are
// the ones the PDF writer embeds, served by the shell beside index.html (contract/app-fonts.ts):
// the build carries no copy, and they are fetched only when a preview is drawn (10 MB each).
import { useEffect, useState } from 'react';
import type { CertificateDrawing } from '../../../../src-main/contract';
import { APP_FONT_FILES, APP_FONTS_FOLDER, type AppFontWeight } from '../../../../src-main/contract/app-fonts';

/** The font's URL beside the page (kepu-app://app/fonts/… in the desktop app, /fonts/… in the browser shell). */
export function appFontUrl(weight: AppFontWeight): string {
  return new URL(`${APP_FONTS_FOLDER}/${APP_FONT_FILES[weight]}`, document.baseURI).href;
}

const loading = new Map<string, Promise<void>>();

/** Loads the embedded font under the drawing's family name once per window. */
function useCertificateFont(family: string): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let cancelled = false;
    let promise = loading.get(family);
    if (!promise) {
      const faces = [new FontFace(family, `url(${appFontUrl('regular')})`, { weight: '400' }), new FontFace(family, `url(${appFontUrl('bold')})`, { weight: '700' })];
      promise = Promise.all(faces.map((f) => f.load())).then((loaded) => loaded.forEach((f) => document.fonts.add(f)));
      loading.set(family, promise);
    }
    promise.then(
      () => !cancelled && setReady(true),
      () => !cancelled && setReady(true), // fall back to the system font rather than show nothing
    );
    return () => {
      cancelled = true;
    };
  }, [family]);
  return ready;
}

function qrPath(rows: string[], x: number, y: number, size: number): string {
  const m = size / rows.length;
  let d = '';
  rows.forEach((row, r) => {
    for (let c = 0; c < row.length; c++) if (row[c] === '1') d += `M${(x + c * m).toFixed(3)} ${(y + r * m).toFixed(3)}h${m.toFixed(3)}v${m.toFixed(3)}h-${m.toFixed(3)}z`;
  });
  return d;
}

export function CertificateDrawingSvg({ drawing, images, label }: { drawing: CertificateDrawing; images: { seal: string | null; signature: string | null }; label: string }) {
  const ready = useCertificateFont(drawing.fontFamily);
  return (
    <svg
      className="certificate-svg"
      viewBox={`0 0 ${drawing.width} ${drawing.height}`}
      role="img"
      aria-label={label}
      data-testid="certificate-preview"
      data-font-ready={ready ? 'yes' : 'no'}
      style={{ fontFamily: `'${drawing.fontFamily}', sans-serif`, visibility: ready ? 'visible' : 'hidden' }}
    >
      <rect x={0} y={0} width={drawing.width} height={drawing.height} fill={drawing.background} />
      {drawing.items.map((item, i) => {
        switch (item.type) {
          case 'rect':
            return <rect key={i} x={item.x} y={item.y} width={item.w} height={item.h} fill={item.fill ?? 'none'} stroke={item.stroke ?? 'none'} strokeWidth={item.lineWidth} />;
          case 'line':
            return <line key={i} x1={item.x1} y1={item.y1} x2={item.x2} y2={item.y2} stroke={item.color} strokeWidth={item.lineWidth} />;
          case 'image': {
            const href = images[item.role];
            return href ? <image key={i} href={href} x={item.x} y={item.y} width={item.w} height={item.h} preserveAspectRatio="xMidYMid meet" /> : null;
          }
          case 'qr':
            return <path key={i} d={qrPath(item.rows, item.x, item.y, item.size)} fill={item.color} data-role="qr" />;
          case 'text':
            return (
              <g key={i} data-role={item.role} fill={item.color} fontSize={item.size} fontWeight={item.weight === 'bold' ? 700 : 400} letterSpacing={item.letterSpacing || undefined}>
                {item.lines.map((line, k) => (
                  <text key={k} x={line.x} y={line.y} xmlSpace="preserve">
                    {line.text}
                  </text>
                ))}
              </g>
            );
        }
      })}
    </svg>
  );
}
