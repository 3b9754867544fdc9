// The package export's question for a package over FAT32's 4 GiB: the core refuses it before writing
// (PACKAGE_OVER_4GIB); the renderer offers it without media, or written anyway; cancelling writes nothing.
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../../src-renderer/src/api', () => import('./fake-api'));

const { invoke, ApiError } = await import('./fake-api');
const { exportPackageAsking } = await import('../../../src-renderer/src/components/exchange/export-package');

const t = ((key: string) => key) as never;
const request = { campaignId: 'c1', judgeId: 'j1', withMedia: true };
const over = () => Object.assign(new ApiError({ code: 'PACKAGE_OVER_4GIB', message: 'too big' }), { params: { sizeGiB: '4.2' } });
const pkg = { packageId: 'p', file: '/x.kepupkg', bytes: 1, entries: 1, definitionVersion: 1 };

beforeEach(() => invoke.mockReset());

describe('exporting a package over 4 GiB', () => {
  it('exports without media when the person chooses so', async () => {
    invoke.mockRejectedValueOnce(over()).mockResolvedValueOnce(pkg);
    const ask = vi.fn().mockResolvedValueOnce(true);
    expect(await exportPackageAsking(request, ask, t)).toBe(pkg);
    expect(invoke.mock.calls.map((c) => c[1])).toEqual([request, { ...request, withMedia: false }]);
    expect(ask.mock.calls[0][0]).toMatchObject({ confirmLabel: 'exchange.over4GiB.withoutMedia' });
  });

  it('writes it anyway on the second question, and nothing when both are declined', async () => {
    invoke.mockRejectedValueOnce(over()).mockResolvedValueOnce(pkg);
    expect(await exportPackageAsking(request, vi.fn().mockResolvedValueOnce(false).mockResolvedValueOnce(true), t)).toBe(pkg);
    expect(invoke.mock.calls[1][1]).toEqual({ ...request, allowOver4GiB: true });

    invoke.mockReset().mockRejectedValueOnce(over());
    expect(await exportPackageAsking(request, vi.fn().mockResolvedValue(false), t)).toBeUndefined();
    expect(invoke).toHaveBeenCalledTimes(1);
  });

  it('passes other failures on as they came', async () => {
    invoke.mockRejectedValueOnce(new ApiError({ code: 'KEY_LOCKED', message: 'locked' }));
    await expect(exportPackageAsking(request, vi.fn(), t)).rejects.toMatchObject({ code: 'KEY_LOCKED' });
  });
});
