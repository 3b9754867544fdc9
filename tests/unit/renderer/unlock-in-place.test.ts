// A signing action with a locked key (src-renderer/src/api.ts): the user is asked for the
// passphrase in place, the key is unlocked and the same request is sent again; a wrong passphrase
// asks again; cancel ends with KEY_UNLOCK_CANCELLED and nothing signed. The transport is a fake
// desktop bridge (window.kepu) that keeps a real "locked" flag.
import { describe, expect, it } from 'vitest';

let locked = true;
const sent: string[] = [];
const bridge = {
  async invoke(channel: string, request: { passphrase?: string }) {
    sent.push(channel);
    if (channel === 'identity:unlock') {
      if (request.passphrase !== 'right passphrase') return { ok: false, error: { code: 'KEY_PASSPHRASE_WRONG', message: 'wrong' } };
      locked = false;
      return { ok: true, value: { exists: true, unlocked: true } };
    }
    if (locked) return { ok: false, error: { code: 'KEY_LOCKED', message: 'locked' } };
    return { ok: true, value: { signed: channel } };
  },
};
(globalThis as { window?: unknown }).window = { kepu: bridge };

const { invoke, onKeyLocked, ApiError } = await import('../../../src-renderer/src/api');

describe('unlock in place', () => {
  it('asks for the passphrase, again after a wrong one, unlocks and finishes the action', async () => {
    const asked: boolean[] = [];
    const answers = ['wrong one', 'right passphrase'];
    onKeyLocked(async (wrong) => {
      asked.push(wrong);
      return answers.shift() ?? null;
    });
    expect(await invoke('bundle:export' as never, { campaignId: 'c' } as never)).toEqual({ signed: 'bundle:export' });
    expect(asked).toEqual([false, true]);
    expect(sent).toEqual(['bundle:export', 'identity:unlock', 'identity:unlock', 'bundle:export']);
  });

  it('on cancel signs nothing and says so with its own code', async () => {
    locked = true;
    sent.length = 0;
    onKeyLocked(async () => null);
    const failure = await invoke('ranking:lock' as never, { campaignId: 'c' } as never).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as InstanceType<typeof ApiError>).code).toBe('KEY_UNLOCK_CANCELLED');
    expect(sent).toEqual(['ranking:lock']);
  });

  it('without a UI to ask, the locked key is reported as before', async () => {
    onKeyLocked(null);
    const failure = await invoke('ranking:lock' as never, { campaignId: 'c' } as never).catch((e: unknown) => e);
    expect((failure as InstanceType<typeof ApiError>).code).toBe('KEY_LOCKED');
  });
});
