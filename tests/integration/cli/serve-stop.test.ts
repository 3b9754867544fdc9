// `kepu serve` ends when told to (SIGTERM, as the e2e tests and a terminal's Ctrl+C do) after a
// campaign was opened: ranking:warm starts the ranking worker's computation and must not keep the
// process alive. Found by the opened-files e2e test: the server never exited once a campaign view
// had sent ranking:warm (the worker, unreferenced before it was online, was referenced by then).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HTTP_TOKEN_HEADER } from '../../../src-main/contract/bridge';
import { repoRoot, tempDir } from '../../helpers';

describe('kepu serve stops', () => {
  it.skipIf(process.platform === 'win32')('exits on SIGTERM after a campaign was opened and its ranking warmed', async () => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin/kepu.mjs'), 'serve', '--data-dir', tempDir()], { env: { ...process.env, KEPU_LANG: 'en' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      let output = '';
      const url = await new Promise<URL>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`kepu serve printed no URL:\n${output}`)), 60_000);
        const onData = (chunk: Buffer) => {
          output += chunk.toString();
          const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output);
          if (match) {
            clearTimeout(timer);
            resolve(new URL(match[1]));
          }
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
      });
      const api = async (channel: string, request: unknown) => {
        const response = await fetch(new URL(`/api/${channel}`, url.origin), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', [HTTP_TOKEN_HEADER]: url.searchParams.get('token') ?? '' },
          body: JSON.stringify(request),
        });
        return (await response.json()) as { ok: boolean; value: { id: string } | null };
      };
      const demo = await api('demo:load', {});
      expect(demo.ok).toBe(true);
      expect(await api('ranking:warm', { campaignId: demo.value!.id })).toEqual({ ok: true, value: null });
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      child.kill('SIGTERM');
      const code = await Promise.race([exited, new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 15_000))]);
      expect(code).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  }, 120_000);
});
