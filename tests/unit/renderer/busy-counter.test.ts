// The app store's busy flag (src-renderer/src/stores/useAppStore.ts) counts the calls made through
// `run`: overlapping calls keep it set until the last one ends, whether it succeeded or failed.
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../../src-renderer/src/api', () => import('./fake-api'));
vi.mock('../../../src-renderer/src/i18n', () => ({ applyLanguage: vi.fn() }));

const { useAppStore } = await import('../../../src-renderer/src/stores/useAppStore');

/** A promise the test settles when it wants. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const busy = () => [useAppStore.getState().busy, useAppStore.getState().pending] as const;

describe('useAppStore.run busy counter', () => {
  it('stays busy until the last of overlapping calls ends, failures included', async () => {
    const first = deferred<string>();
    const second = deferred<string>();
    const third = deferred<string>();
    expect(busy()).toEqual([false, 0]);

    const a = useAppStore.getState().run(() => first.promise);
    const b = useAppStore.getState().run(() => second.promise);
    const c = useAppStore.getState().run(() => third.promise);
    expect(busy()).toEqual([true, 3]);

    first.resolve('a');
    expect(await a).toBe('a');
    expect(busy()).toEqual([true, 2]); // the first to finish does not clear the flag

    third.reject(new Error('boom'));
    expect(await c).toBeUndefined();
    expect(busy()).toEqual([true, 1]);
    expect(useAppStore.getState().error).toMatchObject({ code: 'INTERNAL', message: 'Error: boom' });

    second.resolve('b');
    expect(await b).toBe('b');
    expect(busy()).toEqual([false, 0]);
  });

  it('is busy during a single call and idle after it', async () => {
    const only = deferred<number>();
    const call = useAppStore.getState().run(() => only.promise);
    expect(busy()).toEqual([true, 1]);
    only.resolve(7);
    expect(await call).toBe(7);
    expect(busy()).toEqual([false, 0]);
  });
});
