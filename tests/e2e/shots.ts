// Screenshots of the window for the specs: into the test's output folder (test-results/), and
// copied to $KEPU_SHOTS when set, so a person can look at every screen a run went through.
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';

/** The window as shown; with `target`, that part scrolled into view first (the app scrolls inside). */
export async function shot(page: Page, name: string, outputPath: (name: string) => string, target?: Locator): Promise<void> {
  await target?.scrollIntoViewIfNeeded();
  const file = outputPath(`${name}.png`);
  await page.screenshot({ path: file });
  if (process.env.KEPU_SHOTS) fs.copyFileSync(file, path.join(process.env.KEPU_SHOTS, `${name}.png`));
}

/** The whole tab in one picture: the window made `height` tall for the shot (the app scrolls inside its main area). */
export async function tallShot(page: Page, name: string, outputPath: (name: string) => string, height: number): Promise<void> {
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: size.width, height });
  await shot(page, name, outputPath);
  await page.setViewportSize(size);
}
