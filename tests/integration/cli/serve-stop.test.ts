// `kepu serve` ends when told to (SIGTERM, as the e2e tests and a terminal's Ctrl+C do) after a
// campaign was opened: ranking:warm starts the ranking worker's computation and must not keep the
// process alive. Found by the opened-files e2e test: the server never exited once a campaign view
// had sent ranking:warm (the worker, unreferenced before it was online, was referenced by then).
import { describe, expect, it } from 'vitest';
import { HTTP_TOKEN_HEADER } from '../../../src-main/contract/bridge';
import { serveApp } from '../../e2e/host';

describe('kepu serve stops', () => {
  it.skipIf(process.platform === 'win32')('exits on SIGTERM after a campaign was opened and its ranking warmed', async () => {
    const app = await serveApp();
    try {
      const token = new URL(app.url).searchParams.get('token') ?? '';
      const api = async (channel: string, request: unknown) => {
        const response = await fetch(`${app.origin}/api/${channel}`, { method: 'POST', headers: { 'Content-Type': 'application/json', [HTTP_TOKEN_HEADER]: token }, body: JSON.stringify(request) });
        return (await response.json()) as { ok: boolean; value: { id: string } | null };
      };
      const demo = await api('demo:load', {});
      expect(demo.ok).toBe(true);
      expect(await api('ranking:warm', { campaignId: demo.value!.id })).toEqual({ ok: true, value: null });
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const stopped = await Promise.race([app.stop().then(() => 'stopped'), new Promise((resolve) => setTimeout(() => resolve('still running'), 15_000))]);
      expect(stopped).toBe('stopped');
    } finally {
      try {
        process.kill(app.pid, 'SIGKILL');
      } catch {
        /* exited */
      }
    }
  }, 120_000);
});
