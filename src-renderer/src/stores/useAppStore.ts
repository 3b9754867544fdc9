// Where the user is and what went wrong last: the app-level UI state.
import { create } from 'zustand';
import type { Language } from '../../../src-main/contract';
import { ApiError, invoke } from '../api';
import { applyLanguage } from '../i18n';
import { invalidateChannels } from '../query-client';
import { savedView, type View, VIEW_KEY } from './saved-view';

export type { View } from './saved-view';

interface AppState {
  view: View;
  language: Language;
  error: ApiError | null;
  /** A translated line to show on the next screen (e.g. where a deleted campaign's backup went). */
  notice: string | null;
  /** True while any call made through `run` is still out (`pending` counts them). */
  busy: boolean;
  pending: number;
  go(view: View): void;
  setLanguage(language: Language): Promise<void>;
  /** The campaign list (read through the query cache, `useCampaigns`) is fetched again. */
  refreshCampaigns(): Promise<void>;
  run<T>(work: () => Promise<T>): Promise<T | undefined>;
  clearError(): void;
  setNotice(notice: string | null): void;
}

export const useAppStore = create<AppState>((set, get) => ({
  view: savedView(),
  language: 'zh-CN',
  error: null,
  notice: null,
  busy: false,
  pending: 0,
  go: (view) => {
    sessionStorage.setItem(VIEW_KEY, JSON.stringify(view));
    set({ view, error: null, notice: null });
  },
  async setLanguage(language) {
    await applyLanguage(language);
    set({ language });
    await get().run(() => invoke('settings:update', { language }));
  },
  refreshCampaigns: () => invalidateChannels('campaign:list'),
  /** Runs a call, turning a failure into the translated error banner instead of a crash. */
  async run(work) {
    // Calls overlap (a poll while a save is out): count them, so the first to finish does not
    // clear the flag while another is still running.
    set((s) => ({ pending: s.pending + 1, busy: true }));
    try {
      return await work();
    } catch (error) {
      set({ error: error instanceof ApiError ? error : new ApiError({ code: 'INTERNAL', message: String(error) }) });
      return undefined;
    } finally {
      set((s) => ({ pending: s.pending - 1, busy: s.pending - 1 > 0 }));
    }
  },
  clearError: () => set({ error: null }),
  setNotice: (notice) => set({ notice }),
}));
