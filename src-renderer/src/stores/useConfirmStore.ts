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
  /**
   * Ask for a line of text too (e.g. a reason); `required`: confirm stays off while it is empty;
   * `mustMatch`: confirm stays off until the text is one of these (a name typed to delete).
   */
  text?: { label: string; required: boolean; mustMatch?: string[]; /** A passphrase: hidden, and returned as typed (not trimmed). */ secret?: boolean };
}

interface ConfirmState {
  question: ConfirmQuestion | null;
  resolve: ((answer: string | null) => void) | null;
  ask(question: ConfirmQuestion): Promise<boolean>;
  /** Like ask, with a text field: the text on confirm, null on cancel (instead of window.prompt). */
  askText(question: ConfirmQuestion & { text: NonNullable<ConfirmQuestion['text']> }): Promise<string | null>;
  /** The text typed (or '' without a text field) to confirm, null to cancel. */
  answer(value: string | null): void;
}

export const useConfirmStore = create<ConfirmState>((set, get) => ({
  question: null,
  resolve: null,
  ask(question) {
    return get().askText({ ...question, text: undefined as never }).then((answer) => answer !== null);
  },
  askText(question) {
    get().resolve?.(null); // a newer question replaces an unanswered one
    return new Promise<string | null>((resolve) => set({ question, resolve }));
  },
  answer(value) {
    get().resolve?.(value);
    set({ question: null, resolve: null });
  },
}));
