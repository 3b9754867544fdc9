// The judge's video player in a real browser on a real sample video: the keyboard steps one frame
// at a time (the timecode moves by exactly one frame), changes speed, and the seek bar moves the
// clock; the controls read in both languages.
import { expect, test } from '@playwright/test';
import { serveApp, type ServedApp } from './host';
import { nextOfCategory } from './review-keys';

let app: ServedApp | null = null;
test.afterEach(async () => {
  await app?.stop();
  app = null;
});

for (const [locale, tab, category, speedLabel] of [
  ['zh-CN', '评审', '视频', '播放速度'],
  ['en', 'Review', 'Video', 'Playback speed'],
] as const) {
  test.describe(locale, () => {
    test.use({ locale, viewport: { width: 1366, height: 768 } });
    test(`steps frames, changes speed and seeks by keyboard and seek bar (${locale})`, async ({ page }, info) => {
      app = await serveApp();
      await page.goto(app.url);
      await page.getByTestId('load-sample').click();
      await page.getByRole('tab', { name: tab }).click();
      await expect(page.getByTestId('score-panel')).toBeVisible();
      await nextOfCategory(page, category);
      const player = page.getByTestId('video-player');
      await expect(player).toBeVisible();
      const time = page.getByTestId('video-time');
      // The duration is known once the metadata loaded (the seek bar is enabled then).
      const seekBar = player.locator('input.pv-seek');
      await expect(seekBar).toBeEnabled({ timeout: 20_000 });
      await expect(time).toContainText('00:00.00');

      // Focus on the page, not on a score control, so the player's keys reach it.
      await page.getByTestId('video-play').focus();
      await page.keyboard.press('.');
      await expect(time).toContainText('00:00.01');
      await page.keyboard.press('.');
      await expect(time).toContainText('00:00.02');
      await page.keyboard.press(',');
      await expect(time).toContainText('00:00.01');

      const speed = page.getByTestId('video-speed');
      await expect(speed).toHaveValue('1');
      await page.keyboard.press('>');
      await expect(speed).toHaveValue('1.25');
      await page.keyboard.press('<');
      await page.keyboard.press('<');
      await expect(speed).toHaveValue('0.75');
      await expect(player.getByTitle(new RegExp(speedLabel))).toBeVisible();

      // The seek bar moves the clock to the second asked for.
      await seekBar.fill('1');
      await expect(time).toContainText('00:01.00');
      await page.screenshot({ path: info.outputPath(`video-player-${locale}.png`) });
    });
  });
}
