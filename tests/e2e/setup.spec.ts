// The Setup tab in both languages: a coordinator edits the programme section by section — an
// organizer's role, the contact and notice, a new category and a retired one, a number field, a
// new list fed by one category with a four-dimension rubric — and sees the weight total turn OK.
// A save whose weights total 90 % is refused with a translated reason naming the place, and stores
// nothing (the Overview still shows the old programme, no version was made; the draft survives the
// tab switch). Fixed, it saves as version 2 and the Overview shows every list with what it takes.
// Screenshots of each section at 1366×768 go to test-results/ (and KEPU_SHOTS when set).
import { expect, test, type Browser } from '@playwright/test';
import { shot } from './shots';
import { createFromTemplate } from './coordinator';
import { serveApp, type ServedApp } from './host';

const apps: ServedApp[] = [];
test.afterEach(async () => {
  for (const app of apps.splice(0)) await app.stop();
});

/** A campaign made from the 2023 Sichuan template in an app of its own, open on the Setup tab. */
async function templateCampaignInSetup(browser: Browser, locale: 'zh-CN' | 'en') {
  const app = await serveApp();
  apps.push(app);
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale });
  await createFromTemplate(page, app.url);
  await expect(page.getByTestId('campaign-title')).toContainText('2023');
  const setupTab = page.getByRole('tab', { name: locale === 'en' ? 'Setup' : '设置方案' });
  await setupTab.click();
  return { page, setupTab };
}

for (const locale of ['zh-CN', 'en'] as const) {
  test(`edits the programme of a campaign and starts a new edition (${locale})`, async ({ browser }, info) => {
    test.setTimeout(150_000);
    const en = locale === 'en';
    const snap = (name: string) => shot(page, `setup-${name}-${locale}`, info.outputPath.bind(info));
    const { page, setupTab } = await templateCampaignInSetup(browser, locale);

    // Programme: the name for the new year, and the newspaper becomes a co-organizer.
    await page.getByTestId('setup-name-zh').fill('2024 中国(四川)第二届健康科普影响力榜');
    await page.getByTestId('setup-name-en').fill('2024 China (Sichuan) Health Science Popularization Influence List');
    await page.getByTestId('setup-edition-year').fill('2024');
    await page.getByTestId('setup-organizer-role-1').selectOption('co_organizer');
    await expect(page.getByTestId('setup-nav-modified-basics')).toBeVisible();
    await snap('basics');

    // Contact and notice.
    await page.getByTestId('setup-nav-contact').click();
    await page.getByTestId('setup-contact-person').fill('王老师');
    await page.getByTestId('setup-contact-phone').fill('028-85551234');
    await page.getByTestId('setup-contact-email').fill('kepu@example.org');
    await page.getByTestId('setup-notice-zh').fill('为全面贯彻落实健康中国战略，现启动第二届健康科普影响力榜征集。\n报名截止：2024年12月25日18:00。');
    await snap('contact');

    // Categories: "audio" added (its key follows the English name), "other" retired.
    await page.getByTestId('setup-nav-kinds').click();
    await page.getByTestId('setup-add-category-work').click();
    await page.getByTestId('setup-category-work-4-zh').fill('音频');
    await page.getByTestId('setup-category-work-4-en').fill('Audio');
    await expect(page.getByTestId('setup-category-key-work-4')).toHaveValue('audio');
    await page.getByTestId('setup-category-retire-work-3').click();
    await expect(page.getByTestId('setup-category-row-work-3')).toContainText(en ? 'Retired' : '已停用');
    await expect(page.getByTestId('setup-category-retire-work-3')).toHaveText(en ? 'Restore' : '恢复');
    await snap('kinds');

    // A number field.
    await page.getByTestId('setup-nav-fields').click();
    await page.getByTestId('setup-add-field').click();
    await page.getByTestId('setup-field-work-6-zh').fill('作品时长（分钟）');
    await page.getByTestId('setup-field-work-6-en').fill('Length in minutes');
    await page.getByTestId('setup-field-type-work-6').selectOption('number');
    await expect(page.getByTestId('setup-field-key-work-6')).toHaveValue('length_in_minutes');
    // The entrant's unit may be shown to judges in this programme, even under blind review.
    await expect(page.getByTestId('setup-identifying-work-unit')).toBeChecked();
    await page.getByTestId('setup-identifying-work-unit').uncheck();
    await snap('fields');

    // A third list, fed by the video category only, scored on four dimensions.
    await page.getByTestId('setup-nav-lists').click();
    await page.getByTestId('setup-add-list').click();
    await expect(page.getByTestId('setup-list-tab-2')).toHaveAttribute('aria-selected', 'true');
    await page.getByTestId('setup-list-name-zh').fill('2024 健康科普短视频榜');
    await page.getByTestId('setup-list-name-en').fill('2024 Health Science Short Video List');
    await expect(page.getByTestId('setup-list-key')).toHaveValue('list_2024_health_science_short_video_list');
    await expect(page.getByTestId('setup-coverage')).toBeVisible(); // the new list takes nothing yet
    await page.getByTestId('setup-feed-category-work-video').check();
    await expect(page.getByTestId('setup-coverage')).toHaveCount(0);
    const dimensions = [
      ['科学性', 'Accuracy'],
      ['创新性', 'Originality'],
      ['制作水平', 'Production'],
      ['传播效果', 'Reach'],
    ];
    for (let i = 0; i < dimensions.length; i++) {
      if (i > 0) await page.getByTestId('setup-add-dimension').click();
      await page.getByTestId(`setup-dimension-${i}-zh`).fill(dimensions[i][0]);
      await page.getByTestId(`setup-dimension-${i}-en`).fill(dimensions[i][1]);
      await page.getByTestId(`setup-weight-${i}`).fill(i === 0 ? '15' : '25');
    }
    await expect(page.getByTestId('setup-dimension-key-3')).toHaveValue('reach');
    await expect(page.getByTestId('setup-weight-total')).toContainText('90');
    await expect(page.getByTestId('setup-weight-total')).toHaveClass(/warn/);
    await snap('lists-90');

    // 15 + 25 + 25 + 25 = 90 %: refused, translated, placed, and nothing stored.
    await page.getByTestId('setup-save').click();
    await expect(page.getByTestId('error-banner')).toContainText(en ? 'must total 100 %' : '必须合计 100%');
    await expect(page.getByTestId('setup-problem-place')).toContainText(en ? 'Short Video List' : '短视频榜');
    await page.getByTestId('error-banner-dismiss').click();
    await page.getByRole('tab', { name: en ? 'Overview' : '概览' }).click();
    await expect(page.getByTestId('overview-list-influence')).toBeVisible();
    await expect(page.locator('[data-testid^="overview-list-list_2024"]')).toHaveCount(0);
    await expect(page.getByTestId('overview-contact')).toHaveCount(0);
    await setupTab.click();
    await page.getByTestId('setup-nav-versions').click();
    await expect(page.getByTestId('setup-versions')).toHaveCount(0);
    await expect(page.getByTestId('setup-unsaved')).toBeVisible(); // the draft came back with the tab

    // 25 % each: the total turns OK and the save goes through.
    await page.getByTestId('setup-nav-lists').click();
    await page.getByTestId('setup-list-tab-2').click();
    await page.getByTestId('setup-weight-0').fill('25');
    await expect(page.getByTestId('setup-weight-total')).toContainText('100');
    await expect(page.getByTestId('setup-weight-total')).toHaveClass(/ok/);
    await page.getByTestId('setup-dimension-details-0').click();
    await snap('lists');
    await page.getByTestId('setup-reason').fill(en ? 'second edition' : '第二届');
    await page.getByTestId('setup-save').click();
    await expect(page.getByTestId('setup-saved')).toContainText('2');
    await expect(page.getByTestId('campaign-title')).toContainText(en ? '2024 China' : '2024 中国');

    // Saved keys are fixed from now on; the version is listed with its reason.
    await page.getByTestId('setup-nav-kinds').click();
    await expect(page.getByTestId('setup-category-key-work-4')).toHaveText('audio');
    await page.getByTestId('setup-nav-fields').click();
    await expect(page.getByTestId('setup-identifying-work-unit')).not.toBeChecked();
    await expect(page.getByTestId('setup-field-type-work-6')).toHaveValue('number');
    await page.getByTestId('setup-nav-certificates').click();
    await snap('certificates');
    await page.getByTestId('setup-nav-media').click();
    await snap('media');
    await page.getByTestId('setup-nav-versions').click();
    await expect(page.getByTestId('setup-versions')).toContainText(en ? 'second edition' : '第二届');

    // The Overview summarises the saved programme: every list with what it takes.
    await page.getByRole('tab', { name: en ? 'Overview' : '概览' }).click();
    await expect(page.getByTestId('overview-list-influence')).toBeVisible();
    await expect(page.getByTestId('overview-list-brand_value')).toBeVisible();
    const added = page.getByTestId('overview-list-list_2024_health_science_short_video_list');
    await expect(added).toContainText(en ? 'Accuracy' : '科学性');
    await expect(page.getByTestId('overview-list-feeds-list_2024_health_science_short_video_list')).toHaveText(en ? 'Work: Video' : '科普作品：视频');
    await expect(page.getByTestId('overview-list-feeds-influence')).not.toContainText(en ? 'Video' : '视频');
    await expect(page.getByTestId('overview-contact')).toContainText('028-85551234');
    await expect(page.getByTestId('overview-edition-year')).toHaveText('2024');
    await expect(page.getByTestId('overview-notice')).toContainText(en ? 'Programme notice' : '征集通知');
    await expect(page.getByTestId('campaign-overview')).toContainText(en ? 'Co-organizer' : '协办');
    await snap('overview');

    await setupTab.click();
    await page.getByTestId('setup-nav-versions').click();
    await page.getByTestId('setup-new-edition').click();
    await expect(page.getByTestId('campaign-title')).toContainText('2025');
  });
}

// The notice's attachment files: added in the browser shell, listed with size and date, the same
// name again asks before replacing, a copy is saved as a download, the Overview lists them, and
// removing asks first, naming the file.
for (const locale of ['zh-CN', 'en'] as const) {
  test(`keeps the notice's attachment files with the campaign (${locale})`, async ({ browser }, info) => {
    test.setTimeout(90_000);
    const en = locale === 'en';
    const { page, setupTab } = await templateCampaignInSetup(browser, locale);
    await page.getByTestId('setup-nav-contact').click();
    const section = page.getByTestId('setup-notice-files');
    await expect(section).toContainText(en ? 'Attachments of the notice' : '通知附件');
    await expect(page.getByTestId('setup-notice-files-none')).toBeVisible();

    const form = { name: '报名表.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from('PK\u0003\u0004 报名表') };
    await page.getByTestId('setup-notice-file-add').setInputFiles(form);
    await expect(page.getByTestId('setup-notice-file-0')).toContainText('报名表.docx');
    await expect(page.getByTestId('setup-notice-file-0')).toContainText('B');
    await page.getByTestId('setup-notice-file-add').setInputFiles({ name: '承诺书.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await expect(page.getByTestId('setup-notice-file-1')).toContainText('承诺书.pdf');
    await expect(page.getByTestId('setup-notice-files-total')).toContainText('2');

    // The same name again: asked first; cancelled, nothing changes.
    await page.getByTestId('setup-notice-file-add').setInputFiles({ ...form, buffer: Buffer.from('PK\u0003\u0004 v2') });
    await expect(page.getByTestId('confirm-dialog')).toContainText('报名表.docx');
    await page.getByTestId('confirm-cancel').click();
    await expect(page.locator('[data-testid^="setup-notice-file-"][data-testid$="-save"]')).toHaveCount(2);
    await section.scrollIntoViewIfNeeded();
    await shot(page, `setup-notice-files-${locale}`, info.outputPath.bind(info));

    // Save a copy: a download under the file's own name.
    const download = page.waitForEvent('download');
    await page.getByTestId('setup-notice-file-0-save').click();
    expect((await download).suggestedFilename()).toBe('报名表.docx');

    // The Overview lists them read-only.
    await page.getByRole('tab', { name: en ? 'Overview' : '概览' }).click();
    await expect(page.getByTestId('overview-notice-files')).toContainText('承诺书.pdf');
    await expect(page.getByTestId('overview-notice-file-0-remove')).toHaveCount(0);

    // Removing asks, naming the file.
    await setupTab.click();
    await page.getByTestId('setup-nav-contact').click();
    await page.getByTestId('setup-notice-file-1-remove').click();
    await expect(page.getByTestId('confirm-dialog')).toContainText('承诺书.pdf');
    await page.getByTestId('confirm-ok').click();
    await expect(page.getByTestId('setup-notice-file-1')).toHaveCount(0);
    await page.getByTestId('setup-notice-file-0-remove').click();
    await page.getByTestId('confirm-ok').click();
    await expect(page.getByTestId('setup-notice-files-none')).toBeVisible();
  });
}
