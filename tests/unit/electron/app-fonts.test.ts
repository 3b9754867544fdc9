// The desktop window's app scheme serves the certificate preview's fonts from the font package the
// PDF writer embeds (the renderer build has no copy: issue 18), and nothing else under fonts/.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { APP_FONT_FILES, APP_FONTS_FOLDER, appFontOfPath } from '../../../src-main/contract/app-fonts';
import { fontPath } from '../../../src-main/core/pdf/font-files';
import { tempDir } from '../../helpers';

vi.mock('electron', () => ({ protocol: { registerSchemesAsPrivileged: () => {}, handle: () => {} } }));

describe('the app scheme’s fonts', () => {
  const rendererDir = path.join(tempDir(), 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');

  it('answers kepu-app://app/fonts/<file> with the font package’s bytes as font/ttf', async () => {
    const { rendererResponse } = await import('../../../src-main/electron/app-protocol');
    for (const weight of ['regular', 'bold'] as const) {
      const reply = await rendererResponse(rendererDir, { url: `kepu-app://app/${APP_FONTS_FOLDER}/${APP_FONT_FILES[weight]}` });
      expect(reply.status).toBe(200);
      expect(reply.headers.get('content-type')).toBe('font/ttf');
      expect(Buffer.from(await reply.arrayBuffer()).equals(fs.readFileSync(fontPath(weight)))).toBe(true);
    }
  });

  it('serves no other file under fonts/, nor a font under another name', async () => {
    const { rendererResponse } = await import('../../../src-main/electron/app-protocol');
    for (const name of ['fonts/NotoSansSC_100Thin.ttf', 'fonts//NotoSansSC_400Regular.ttf', 'Fonts/NotoSansSC_400Regular.ttf']) {
      expect((await rendererResponse(rendererDir, { url: `kepu-app://app/${name}` })).status, name).toBe(404);
    }
    expect(appFontOfPath('fonts/NotoSansSC_700Bold.ttf')).toBe('bold');
    expect(appFontOfPath('fonts\\NotoSansSC_700Bold.ttf')).toBeNull();
  });
});
