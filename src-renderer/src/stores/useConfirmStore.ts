// In-app confirmation, instead of window.confirm (which Electron shows as a bare system box and
// cannot style or translate the buttons of). One question at a time; the answer is a promise.
import { create } from 'zustand';

export interface ConfirmQuestion {
  title: string;
  body: string;
  confirmLabel: string;
  cancelLabel: string;
  /** A change that cannot simply be undone: the confirm button is drawn as a warning. */
  danger?: boolean;
}

interface ConfirmState {
  question: ConfirmQuestion | null;
  resolve: ((answer: boolean) => void) | null;
  ask(question: ConfirmQuestion): Promise<boolean>;
  answer(value: boolean): void;
}

export const useConfirmStore = create<ConfirmState>((set, get) => ({
  question: null,
  resolve: null,
  ask(question) {
    get().resolve?.(false); // a newer question replaces an unanswered one
    return new Promise<boolean>((resolve) => set({ question, resolve }));
  },
  answer(value) {
    get().resolve?.(value);
    set({ question: null, resolve: null });
  },
}));
