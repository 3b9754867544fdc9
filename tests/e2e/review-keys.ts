// Keyboard helpers shared by the review specs.
import { expect, type Page } from '@playwright/test';

/** Presses n until the entry shown is of the wanted category (keyboard only). */
export async function nextOfCategory(page: Page, label: string): Promise<void> {
  // Each round checks the chip, and presses n only if it is not the wanted category yet; toPass
  // retries the round every 150 ms and fails naming `label` after 30 s.
  await expect(async () => {
    const chip = (await page.locator('.pv-chip').first().textContent()) ?? '';
    if (!chip.includes(label)) {
      await page.keyboard.press('n');
      throw new Error(`no ${label} entry in the queue (showing ${chip})`);
    }
  }).toPass({ timeout: 30_000, intervals: [150] });
}
