// "Killing the process at any moment loses nothing the UI showed as saved": a real `kepu serve`
// process takes a burst of score changes over HTTP (the browser shell's handler path), is killed
// with SIGKILL while changes are still in flight, and the reopened database must hold every
// change that was acknowledged.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SaveAck } from '../../../src-main/contract';
import { databasePath } from '../../../src-main/core/db/connection';
import { openTestApp, repoRoot, tempDir } from '../../helpers';

function post(port: number, token: string, channel: string, body: unknown, agent: http.Agent): Promise<{ ok: boolean; value?: unknown; error?: unknown }> {
  return new Promise((resolve, reject) => {
    const data = JSON.stringify(body);
    const req = http.request(
      { host: '127.0.0.1', port, path: `/api/${channel}`, method: 'POST', agent, headers: { 'content-type': 'application/json', 'x-kepu-token': token, 'content-length': Buffer.byteLength(data) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString()));
          } catch (error) {
            reject(error);
          }
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

describe('score durability', () => {
  it('keeps every acknowledged score after the server is killed with SIGKILL mid-burst', async () => {
    const dataDir = tempDir('kepu-kill-');
    const setup = openTestApp(dataDir);
    const works = (await setup.dispatch('demo:load', {})) as { value: { id: string } };
    const judge = (await setup.dispatch('judge:create', { campaignId: works.value.id, name: '压力测试评委', assignAll: true })) as { value: { id: string } };
    const entryIds = setup.ctx.db.prepare('SELECT id FROM entries WHERE campaign_id = ? ORDER BY id').pluck().all(works.value.id) as number[];
    setup.ctx.close();

    const child = spawn(process.execPath, [path.join(repoRoot, 'bin/kepu.mjs'), 'serve', '--data-dir', dataDir], {
      env: { ...process.env, KEPU_LANG: 'en' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    const url = await new Promise<URL>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(out);
        if (m) resolve(new URL(m[1]));
      });
      child.once('exit', () => reject(new Error(`serve exited early: ${out}`)));
    });
    const port = Number(url.port);
    const token = url.searchParams.get('token')!;

    const dimensions = ['content', 'creativity', 'communication'];
    const plan = Array.from({ length: 3000 }, (_, i) => ({
      entryId: entryIds[i % entryIds.length],
      dimension: dimensions[Math.floor(i / entryIds.length) % 3],
      value: (i % 21) / 2, // 0, 0.5 … 10: always on the 0.5 grid
    }));
    const acked: (SaveAck & { dimension: string; value: number })[] = [];
    const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
    let next = 0;
    let killed = false;
    const KILL_AFTER = 600;
    const worker = async () => {
      while (next < plan.length) {
        const change = plan[next++];
        try {
          const result = await post(port, token, 'review:score', { campaignId: works.value.id, judgeId: judge.value.id, ...change }, agent);
          if (result.ok) acked.push({ ...(result.value as SaveAck), dimension: change.dimension, value: change.value });
          if (acked.length >= KILL_AFTER && !killed) {
            killed = true;
            child.kill('SIGKILL');
          }
        } catch {
          return; // connection cut by the kill: that change was never acknowledged
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    expect(await exited).toBe('SIGKILL');
    agent.destroy();
    expect(acked.length).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(acked.length).toBeLessThan(plan.length); // the kill really landed mid-burst

    const db = new Database(databasePath(dataDir));
    const score = db.prepare('SELECT value, revision FROM scores WHERE entry_id = ? AND judge_id = ? AND dimension_key = ?');
    const review = db.prepare('SELECT revision FROM reviews WHERE entry_id = ? AND judge_id = ?');
    let checked = 0;
    for (const ack of acked) {
      const row = score.get(ack.entryId, judge.value.id, ack.dimension) as { value: number; revision: number } | undefined;
      expect(row, `entry ${ack.entryId} ${ack.dimension}`).toBeDefined();
      expect(row!.revision).toBeGreaterThanOrEqual(ack.revision);
      if (row!.revision === ack.revision) expect(row!.value).toBe(ack.value);
      expect((review.get(ack.entryId, judge.value.id) as { revision: number }).revision).toBeGreaterThanOrEqual(ack.revision);
      checked += 1;
    }
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    expect(checked).toBe(acked.length);
  }, 60_000);
});
