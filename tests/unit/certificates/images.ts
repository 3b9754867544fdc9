// Seal and signature images for tests and the bench, drawn pixel by pixel with pngjs: a red ring
// with a star (transparent outside), and a dark-blue stroke on a transparent ground.
import { PNG } from 'pngjs';

export function sealPng(size = 240): Buffer {
  const png = new PNG({ width: size, height: size });
  const c = size / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const r = Math.hypot(x - c, y - c);
      const angle = Math.atan2(y - c, x - c);
      const star = r < size * 0.18 * (0.55 + 0.45 * Math.cos(5 * (angle + Math.PI / 2)));
      const ring = (r > size * 0.42 && r < size * 0.48) || (r > size * 0.36 && r < size * 0.38);
      const i = (y * size + x) * 4;
      png.data[i] = 200;
      png.data[i + 1] = 20;
      png.data[i + 2] = 30;
      png.data[i + 3] = ring || star ? 210 : 0;
    }
  }
  return PNG.sync.write(png);
}

export function signaturePng(width = 300, height = 100): Buffer {
  const png = new PNG({ width, height });
  for (let x = 10; x < width - 10; x++) {
    const y0 = Math.round(height / 2 + Math.sin(x / 17) * height * 0.25 + Math.sin(x / 5) * 4);
    for (let dy = -2; dy <= 2; dy++) {
      const i = ((y0 + dy) * width + x) * 4;
      png.data[i] = 20;
      png.data[i + 1] = 30;
      png.data[i + 2] = 90;
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}
