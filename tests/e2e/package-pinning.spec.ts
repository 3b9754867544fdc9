// Judge side of issue 11 in the browser, in both languages: a package for an open campaign signed
// by another coordinator key is not opened — the in-app warning shows both fingerprints — and can
// be opened as a separate campaign; a re-issued package updates the campaign and lists the entries
// no longer assigned.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { PackageManifest } from '../../src-main/core/exchange/package-manifest';
import { writePackage } from '../../src-main/core/exchange/package-write';
import { generateIdentity, type Identity } from '../../src-main/core/keys/identity';
import { parseTemplateFile } from '../../src-main/core/campaigns/templates';
import { sha256File } from '../../src-main/core/media/hash';
import { publicKeyToBase64 } from '../../src-main/core/keys/identity';
import { serveApp, type ServedApp } from './host';

const root = path.resolve(import.meta.dirname, '../..');

interface SampleMedia {
  fileName: string;
  path: string;
  sha256: string;
  sizeBytes: number;
}

async function sampleMedia(): Promise<SampleMedia[]> {
  return Promise.all(
    ['compliant.mp4', 'photo.jpg'].map(async (fileName) => {
      const file = path.join(root, 'tests', 'fixtures', 'media', fileName);
      return { fileName, path: file, sha256: await sha256File(file), sizeBytes: fs.statSync(file).size };
    }),
  );
}

/** Two entries of the Sichuan template, a video and a photo, as a coordinator would send them. */
function packageManifest(coordinator: Identity, media: SampleMedia[]): PackageManifest {
  const template = parseTemplateFile(path.join(root, 'resources', 'templates', 'sichuan-influence-2023.kepuprog'));
  const asset = (m: SampleMedia, assetId: number, role: 'video' | 'image') => ({ assetId, role, fileName: m.fileName, sizeBytes: m.sizeBytes, sha256: m.sha256, included: true });
  const entry = (entryId: number, regNo: string, title: string, assets: PackageManifest['entries'][number]['assets']) => ({
    entryId, regNo, kind: 'work' as const, category: 'video', title, entrantName: null, entrantUnit: null, reason: null, fields: {}, assets,
  });
  return {
    v: 1,
    kind: 'kepu.package',
    packageId: 'pkg-2023-judge-1',
    createdAt: '2023-12-26T01:00:00.000Z',
    coordinator: { keyId: coordinator.keyId, publicKey: publicKeyToBase64(coordinator.publicKey), name: '四川省科协 Coordinator' },
    judge: { id: 'judge-1', name: '王评委', keyId: null },
    campaign: { ...template.definition, id: 'sichuan-2023' },
    entries: [entry(11, 'SC-2023-001', '洗手的学问 Hand washing', [asset(media[0], 100, 'video')]), entry(12, 'SC-2023-002', 'HPV 疫苗问答 HPV vaccine', [asset(media[1], 200, 'image')])],
  };
}

const apps: ServedApp[] = [];
const folders: string[] = [];
test.afterEach(async () => {
  for (const app of apps.splice(0)) await app.stop();
  for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const locales = Object.fromEntries(
  (['en', 'zh-CN'] as const).map((l) => [l, JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, `../../locales/${l}.json`), 'utf8'))]),
) as Record<'en' | 'zh-CN', { campaigns: { new: string }; nav: { campaigns: string } }>;

async function write(dir: string, manifest: PackageManifest, signer: Identity, media: SampleMedia[]): Promise<string> {
  const file = path.join(dir, `${manifest.packageId}.kepupkg`);
  const wanted = new Set(manifest.entries.flatMap((e) => e.assets.filter((a) => a.included).map((a) => a.sha256)));
  await writePackage(manifest, media.filter((m) => wanted.has(m.sha256)).map((m) => ({ sha256: m.sha256, path: m.path })), file, signer.privateKey);
  return file;
}

async function packages() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kepu-e2e-packages-'));
  folders.push(dir);
  const coordinator = generateIdentity();
  const rogue = generateIdentity();
  const media = await sampleMedia();
  const first = packageManifest(coordinator, media);
  const fake = packageManifest(rogue, media);
  return {
    coordinator,
    rogue,
    first: await write(dir, first, coordinator, media),
    rogueFile: await write(dir, { ...fake, packageId: 'pkg-rogue', entries: fake.entries.map((e, i) => ({ ...e, entryId: 900 + i, regNo: `SC-2023-9${i}` })) }, rogue, media),
    reissued: await write(
      dir,
      { ...first, packageId: 'pkg-2023-judge-1-b', createdAt: '2023-12-28T01:00:00.000Z', entries: [first.entries[0], { ...first.entries[1], entryId: 13, regNo: 'SC-2023-003', title: '新增作品 New work' }] },
      coordinator,
      media,
    ),
  };
}

for (const language of ['zh-CN', 'en'] as const) {
  test(`a package from another coordinator key is refused with both fingerprints; a re-issue lists what is no longer assigned (${language})`, async ({ browser }, info) => {
    const files = await packages();
    const app = await serveApp();
    apps.push(app);
    const t = locales[language];
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    await page.goto(app.url);
    await page.getByTestId('language-switch').selectOption(language);
    const openPackage = async (file: string) => {
      await page.getByRole('button', { name: t.nav.campaigns, exact: true }).click();
      const newCampaign = page.getByRole('button', { name: t.campaigns.new });
      if (await newCampaign.isVisible()) await newCampaign.click();
      await page.getByTestId('package-path').fill(file);
      await page.getByTestId('package-open').click();
    };

    await openPackage(files.first);
    await expect(page.getByTestId('package-outcome')).toContainText(files.coordinator.fingerprint);
    // A score on the second entry, which the re-issued package will take back.
    await expect(page.getByTestId('score-panel')).toBeVisible();
    await page.keyboard.press('n');
    await expect(page.getByTestId('entry-preview')).toContainText('SC-2023-002');
    await page.keyboard.press('6');
    await expect(page.getByTestId('review-total')).toContainText(language === 'en' ? '1/3 scored' : '已评 1/3 项');

    // Another key for the same campaign: the in-app warning, both fingerprints, nothing opened.
    await openPackage(files.rogueFile);
    const dialog = page.getByTestId('coordinator-changed');
    await expect(dialog).toBeVisible();
    await expect(page.getByTestId('pinned-fingerprint')).toHaveText(files.coordinator.fingerprint);
    await expect(page.getByTestId('package-fingerprint')).toHaveText(files.rogue.fingerprint);
    await expect(dialog).toContainText(language === 'en' ? 'Sichuan' : '四川');
    await page.screenshot({ path: info.outputPath(`coordinator-changed-${language}.png`) });
    await page.getByTestId('coordinator-changed-cancel').click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('error-banner')).toBeHidden();
    await expect(page.getByTestId('campaign-table').locator('tbody tr')).toHaveCount(1);

    // Opened anyway, after the confirmation: a campaign of its own, named with the other key.
    await page.getByTestId('package-open').click();
    await page.getByTestId('open-separately').click();
    await expect(page.getByTestId('campaign-title')).toContainText(files.rogue.fingerprint);
    await expect(page.getByTestId('package-outcome')).toContainText(files.rogue.fingerprint);

    // The coordinator's re-issued package: updated, one new entry, one no longer assigned.
    await openPackage(files.reissued);
    await expect(page.getByTestId('campaign-title')).not.toContainText(files.rogue.fingerprint);
    await expect(page.getByTestId('package-outcome')).toContainText(language === 'en' ? '1 of them new' : '新增 1 个');
    const withdrawn = page.getByTestId('withdrawn-entries');
    await expect(withdrawn).toContainText('SC-2023-002');
    await expect(withdrawn).toContainText(language === 'en' ? 'Content 6' : '内容 6');
    await expect(withdrawn).not.toContainText('SC-2023-001');
    await page.screenshot({ path: info.outputPath(`reissued-${language}.png`) });
  });
}
