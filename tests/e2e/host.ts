// Starts `kepu serve` (the real CLI, real SQLite, built renderer) on a fresh data folder and hands
// the printed URL to the test.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface ServedApp {
  url: string;
  origin: string;
  dataDir: string;
  /** The server's process id (a test that expects it to stop can still end it). */
  pid: number;
  stop(): Promise<void>;
}

const root = path.resolve(import.meta.dirname, '../..');

export function newDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'kepu-e2e-'));
}

export async function serveApp(dataDir = newDataDir(), env: Record<string, string> = {}): Promise<ServedApp> {
  const child: ChildProcess = spawn(process.execPath, [path.join(root, 'bin/kepu.mjs'), 'serve', '--data-dir', dataDir], {
    cwd: root,
    env: { ...process.env, KEPU_LANG: 'en', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`kepu serve printed no URL:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`kepu serve exited ${code}:\n${output}`)));
  });
  return {
    url,
    origin: new URL(url).origin,
    dataDir,
    pid: child.pid as number,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
