// Sample payloads for the exchange tests: a real campaign template, real media fixtures.
import fs from 'node:fs';
import path from 'node:path';
import { parseTemplateFile } from '../../../src-main/core/campaigns/templates';
import type { BundlePayload } from '../../../src-main/core/exchange/bundle';
import type { PackageManifest } from '../../../src-main/core/exchange/package-manifest';
import { KepuError } from '../../../src-main/core/errors';
import { sha256File } from '../../../src-main/core/media/hash';
import { publicKeyToBase64, type Identity } from '../../../src-main/core/keys/identity';
import { repoRoot, resourcesDir } from '../../helpers';

export const mediaFixtures = path.join(repoRoot, 'tests', 'fixtures', 'media');

/** The KepuError `run` refuses with; the test fails when it throws nothing or something else. */
export function refusal(run: () => unknown): KepuError {
  try {
    run();
  } catch (error) {
    if (error instanceof KepuError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** `refusal` for an async `run`. */
export async function refusalAsync(run: () => Promise<unknown>): Promise<KepuError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof KepuError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

export function bundlePayload(judge: Identity, overrides: Partial<BundlePayload> = {}): BundlePayload {
  return {
    v: 1,
    kind: 'kepu.bundle',
    packageId: 'pkg-2023-judge-1',
    campaignId: 'sichuan-2023',
    judgeKeyId: judge.keyId,
    revision: 3,
    createdAt: '2023-12-26T02:00:00.000Z',
    entries: [
      {
        regNo: 'SC-2023-001',
        entryId: 11,
        scores: { content: 8, creativity: 6.5, communication: 9 },
        eligibility: {},
        conflict: null,
        comment: '内容扎实,传播面广。',
        complete: true,
        revision: 5,
      },
      {
        regNo: 'SC-2023-002',
        entryId: 12,
        scores: {},
        eligibility: { original: { answer: 'unsure', note: 'see credits' } },
        conflict: { reason: 'former colleague' },
        comment: '',
        complete: false,
        revision: 1,
      },
    ],
    ...overrides,
  };
}

export interface SampleMedia {
  fileName: string;
  path: string;
  sha256: string;
  sizeBytes: number;
}

export async function sampleMedia(names = ['compliant.mp4', 'photo.jpg', 'article.txt']): Promise<SampleMedia[]> {
  return Promise.all(
    names.map(async (fileName) => {
      const file = path.join(mediaFixtures, fileName);
      return { fileName, path: file, sha256: await sha256File(file), sizeBytes: fs.statSync(file).size };
    }),
  );
}

const roles = { mp4: 'video', jpg: 'image', png: 'image', txt: 'document' } as const;

/** A manifest for two entries; `included` says which media travel inside the package. */
export function packageManifest(coordinator: Identity, media: SampleMedia[], included: boolean, judgeKeyId: string | null = null): PackageManifest {
  const template = parseTemplateFile(path.join(resourcesDir, 'templates', 'sichuan-influence-2023.kepuprog'));
  const asset = (m: SampleMedia, assetId: number) => ({
    assetId,
    role: roles[path.extname(m.fileName).slice(1) as keyof typeof roles] ?? 'document',
    fileName: m.fileName,
    sizeBytes: m.sizeBytes,
    sha256: m.sha256,
    included,
  });
  return {
    v: 1,
    kind: 'kepu.package',
    packageId: 'pkg-2023-judge-1',
    createdAt: '2023-12-26T01:00:00.000Z',
    coordinator: { keyId: coordinator.keyId, publicKey: publicKeyToBase64(coordinator.publicKey), name: '四川省科协 Coordinator' },
    judge: { id: 'judge-1', name: '王评委', keyId: judgeKeyId },
    campaign: { ...template.definition, id: 'sichuan-2023' },
    entries: [
      {
        entryId: 11,
        regNo: 'SC-2023-001',
        kind: 'work',
        category: 'video',
        title: '洗手的学问',
        entrantName: null,
        entrantUnit: null,
        reason: null,
        fields: { summary: '七步洗手法' },
        assets: media.slice(0, 2).map((m, i) => asset(m, 100 + i)),
      },
      {
        entryId: 12,
        regNo: 'SC-2023-002',
        kind: 'work',
        category: 'article',
        title: 'HPV 疫苗问答',
        entrantName: null,
        entrantUnit: null,
        reason: null,
        fields: {},
        // The same photo again: travels once.
        assets: [...media.slice(2), ...media.slice(1, 2)].map((m, i) => asset(m, 200 + i)),
      },
    ],
  };
}
