// The steps most coordinator specs begin with — sample campaign, a signing identity, the sample
// judges' bundles merged, the result published — written once, by test id, so they read the same
// in both languages and a renamed button breaks one helper instead of ten specs.
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';

export type CampaignTab = 'entries' | 'review' | 'import' | 'media' | 'formal' | 'exchange' | 'ranking' | 'notice' | 'certificates' | 'overview' | 'setup' | 'record';

/** Loads the sample campaigns from the welcome page and waits for the works campaign to open. */
export async function loadSample(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByTestId('load-sample').click();
  await expect(page.getByTestId('campaign-title')).toBeVisible({ timeout: 30_000 }); // the sample makes real media first
}

/** Creates a campaign from one of the bundled templates on the welcome page and waits for it to open. */
export async function createFromTemplate(page: Page, url: string, template = 'sichuan-influence-2023'): Promise<void> {
  await page.goto(url);
  await page.getByTestId(`template-${template}`).getByRole('button').click();
  await expect(page.getByTestId('campaign-title')).toBeVisible({ timeout: 30_000 });
}

/** Creates this computer's signing identity in Settings; returns its fingerprint. */
export async function createIdentity(page: Page, name: string, passphrase: string): Promise<string> {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('identity-name').fill(name);
  await page.getByTestId('identity-passphrase').fill(passphrase);
  await page.getByTestId('identity-repeat').fill(passphrase);
  await page.getByTestId('identity-create').click();
  const fingerprint = page.getByTestId('identity-fingerprint');
  await expect(fingerprint).toHaveText(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){4}$/, { timeout: 60_000 }); // key derivation is slow on a loaded machine
  return (await fingerprint.textContent())!;
}

/** The sample works campaign's id (the Sichuan one), read through the API. */
export async function sampleWorksId(page: Page): Promise<string> {
  return (await api<{ id: string; name: Record<string, string> }[]>(page, 'campaign:list', {})).find((c) => /四川/.test(c.name['zh-CN']))!.id;
}

/** Opens the sample works campaign (Sichuan) from the campaign list. */
export async function openSampleWorks(page: Page): Promise<void> {
  await page.getByTestId('nav-campaigns').click();
  await page.getByRole('button', { name: /四川|Sichuan/ }).first().click();
  await expect(page.getByTestId('campaign-title')).toBeVisible();
}

export async function openTab(page: Page, tab: CampaignTab): Promise<void> {
  await page.getByTestId(`campaign-tab-${tab}`).click();
}

/** Merges every bundle in one of the sample's bundle folders from the exchange tab. */
export async function mergeSampleBundles(page: Page, dataDir: string, folder = 'sample-bundles'): Promise<void> {
  await openTab(page, 'exchange');
  const dir = path.join(dataDir, folder);
  await page.getByTestId('bundle-files').setInputFiles(fs.readdirSync(dir).map((f) => path.join(dir, f)));
  await expect(page.getByTestId('merge-coverage')).toBeVisible();
}

/** Publishes (signs and locks) the ranking as it stands. */
export async function publishRanking(page: Page): Promise<void> {
  await openTab(page, 'ranking');
  await page.getByTestId('ranking-lock').click();
  await expect(page.getByTestId('confirm-dialog')).toBeVisible();
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('ranking-latest-lock')).toBeVisible();
}

/** Sample loaded, identity made, the sample works campaign open with its judges' bundles merged. */
export async function coordinatorWithMergedSample(page: Page, app: { url: string; dataDir: string }, identity = { name: '组委会', passphrase: 'coordinator passphrase' }): Promise<void> {
  await loadSample(page, app.url);
  await createIdentity(page, identity.name, identity.passphrase);
  await openSampleWorks(page);
  await mergeSampleBundles(page, app.dataDir);
}

/** The merged sample works published with one award tier "影响力作品 / Influential Work" (2 per category). */
export async function publishedSampleWithTier(page: Page, app: { url: string; dataDir: string }): Promise<void> {
  await coordinatorWithMergedSample(page, app);
  await openTab(page, 'ranking');
  await addAwardTier(page, { key: 'influence', zh: '影响力作品', en: 'Influential Work', count: 2 });
  await page.getByTestId('ranking-lock').click();
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('ranking-latest-lock')).toBeVisible();
}

/** The sample committee (CACA) with its judges' bundles merged and its result published, on its Certificates tab. */
export async function publishedCommitteeCertificates(page: Page, app: { url: string; dataDir: string }): Promise<void> {
  await loadSample(page, app.url);
  await createIdentity(page, '中国抗癌协会科普专业委员会', 'coordinator passphrase');
  await page.getByTestId('nav-campaigns').click();
  await page.getByRole('button', { name: /癌症|Cancer/ }).first().click();
  await mergeSampleBundles(page, app.dataDir, 'sample-bundles-committee');
  await publishRanking(page);
  await openTab(page, 'certificates');
}

/**
 * On the Ranking tab: one award tier filled by the next `count` entries of each category, saved;
 * works in either language (the first ranked row then shows the tier's name in that language).
 */
export async function addAwardTier(page: Page, tier: { key: string; zh: string; en: string; count: number }): Promise<void> {
  await page.getByTestId('ranking-settings-toggle').click();
  await page.getByTestId('add-tier').click();
  const row = page.getByTestId('tier-row');
  await row.getByLabel(/代码|Key/).fill(tier.key);
  await row.getByLabel(/名称（中文）|Name \(中文\)/).fill(tier.zh);
  await row.getByLabel(/名称（English）|Name \(English\)/).fill(tier.en);
  await row.locator('input[type=number]').fill(String(tier.count));
  await page.getByTestId('ranking-save').click();
  const either = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await expect(page.getByTestId('ranking-ranked').getByTestId('ranking-row').first()).toContainText(new RegExp(`${either(tier.zh)}|${either(tier.en)}`));
}

/** Calls a channel the way the app's api.ts does in the browser shell (setup the specs do through handlers). */
export async function api<T>(page: Page, channel: string, body: unknown): Promise<T> {
  return page.evaluate(
    async ([c, b]) => {
      const token = sessionStorage.getItem('kepu.token') ?? new URLSearchParams(window.location.search).get('token') ?? '';
      const r = await fetch(`/api/${c}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'x-kepu-token': token }, body: JSON.stringify(b) });
      const out = (await r.json()) as { ok: boolean; value: unknown; error?: unknown };
      if (!out.ok) throw new Error(`${c}: ${JSON.stringify(out.error)}`);
      return out.value;
    },
    [channel, body] as const,
  ) as Promise<T>;
}

/** Merges the given bundle files from the exchange tab; returns the merge coverage line. */
export async function mergeBundles(page: Page, files: readonly string[]): Promise<string> {
  await openTab(page, 'exchange');
  await page.getByTestId('bundle-files').setInputFiles([...files]);
  const coverage = page.getByTestId('merge-coverage');
  await expect(coverage).toBeVisible();
  return (await coverage.innerText()).trim();
}

/** Closes the list's current round from the Overview tab's Rounds strip, with a reason typed in the app's dialog. */
export async function closeRound(page: Page, listKey: string, roundNo: number, reason: string): Promise<void> {
  await openTab(page, 'overview');
  await page.getByTestId(`round-close-${listKey}`).click();
  await expect(page.getByTestId('confirm-dialog')).toBeVisible();
  await page.getByTestId('confirm-dialog').getByRole('textbox').fill(reason);
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId(`round-${listKey}-${roundNo}`).getByTestId('round-closed')).toContainText(reason);
}

/** Makes the list's shortlist by top `percent` % in the Ranking tab; returns the registration numbers in. */
export async function makeShortlistByPercent(page: Page, listKey: string, percent: number): Promise<string[]> {
  await openTab(page, 'ranking');
  const panel = page.getByTestId(`shortlist-panel-${listKey}`);
  await expect(panel).toBeVisible({ timeout: 30_000 });
  await panel.getByTestId('shortlist-by').selectOption('percent');
  await panel.getByTestId('shortlist-value').fill(String(percent));
  await panel.getByTestId('shortlist-make').click();
  await expect(panel.getByTestId('shortlist-made')).toBeVisible();
  return panel.locator('tr[data-testid^="shortlist-row-"][data-in="yes"]').evaluateAll((trs) => trs.map((tr) => (tr.getAttribute('data-testid') ?? '').replace('shortlist-row-', '')));
}
