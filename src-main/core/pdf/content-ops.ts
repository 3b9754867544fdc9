// PDF content-stream operators as PDFKit 0.17 writes them, as strings, for code that draws many
// small things and writes them to the page in one piece (doc.addContent) instead of one PDFKit call
// per operator: each call is a write of its own (a Buffer per operator), and the ranking report's
// inline spread charts, at 50,000 rows, were ~2 s of such calls. The strings are byte for byte what
// PDFKit writes for the same drawing (numbers rounded to six decimals, colours as fractions of 255).

/** PDFKit's number formatting (PDFObject.number). */
export function num(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}

const colors = new Map<string, string>();

/** `doc.fillColor(color)` / `doc.strokeColor(color)` for a '#rrggbb' colour, opacity unset. */
export function colorOps(color: string, stroke: boolean): string {
  const key = `${color}${stroke ? 'S' : 'f'}`;
  let ops = colors.get(key);
  if (ops === undefined) {
    if (!/^#[0-9a-f]{6}$/i.test(color)) throw new Error(`content-ops: not a #rrggbb colour: ${color}`);
    const hex = parseInt(color.slice(1), 16);
    const rgb = [hex >> 16, (hex >> 8) & 0xff, hex & 0xff].map((part) => part / 255);
    ops = `/DeviceRGB ${stroke ? 'CS' : 'cs'}\n${rgb.join(' ')} ${stroke ? 'SCN' : 'scn'}`;
    colors.set(key, ops);
  }
  return ops;
}

/** A straight line stroked: moveTo, lineTo, lineWidth, strokeColor, stroke. */
export function strokedLine(x1: number, y1: number, x2: number, y2: number, width: number, color: string): string {
  return `${num(x1)} ${num(y1)} m\n${num(x2)} ${num(y2)} l\n${num(width)} w\n${colorOps(color, true)}\nS`;
}

const KAPPA = 4.0 * ((Math.sqrt(2) - 1.0) / 3.0);

function curve(a: number, b: number, c: number, d: number, e: number, f: number): string {
  return `${num(a)} ${num(b)} ${num(c)} ${num(d)} ${num(e)} ${num(f)} c`;
}

/** `doc.circle(cx, cy, r)`: the path (four Bézier curves, closed), not yet filled or stroked. */
export function circlePath(cx: number, cy: number, r: number): string {
  const x = cx - r;
  const y = cy - r;
  const o = r * KAPPA;
  const xe = x + r * 2;
  const ye = y + r * 2;
  const xm = x + r;
  const ym = y + r;
  return `${num(x)} ${num(ym)} m\n${curve(x, ym - o, xm - o, y, xm, y)}\n${curve(xm + o, y, xe, ym - o, xe, ym)}\n${curve(xe, ym + o, xm + o, ye, xm, ye)}\n${curve(xm - o, ye, x, ym + o, x, ym)}\nh`;
}
