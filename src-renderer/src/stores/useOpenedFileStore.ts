// Files the OS handed to the desktop app (a double-clicked .kepupkg, .kepubundle or .kepukey, see
// src-main/electron/open-file.ts), waiting to be routed to the flow that opens that kind of file:
// a package to the campaign list's "Open a review package" (pendingPackage), a programme file to its
// "New campaign from a programme file" (pendingProgramme), a result bundle or a key card to a
// campaign's exchange (OpenedFileDialog asks which campaign).
import { create } from 'zustand';
import type { OpenedFile } from '../../../src-main/contract';

interface OpenedFileState {
  waiting: OpenedFile[];
  /** A package path for OpenPackagePanel to open, once. */
  pendingPackage: string | null;
  /** The campaign list keeps "Open a review package" on screen until that package is open (or its question answered). */
  packagePanelShown: boolean;
  add(files: OpenedFile[]): void;
  /** Drops the file at the head of the queue (done or cancelled). */
  done(): void;
  handOverPackage(path: string): void;
  takePendingPackage(): void;
  closePackagePanel(): void;
  /**
   * After a handed-over bundle was merged or key card registered: that campaign shows its Exchange
   * tab, remounted (a new `nonce`) so the merge panel shows the report even if it was on screen.
   */
  exchangeShown: { campaignId: string; nonce: number } | null;
  showExchange(campaignId: string): void;
  /** A programme file for ProgrammeFileCard to check (and create from), once; the card stays on screen until a campaign is made. */
  pendingProgramme: { fileName: string; contentBase64: string } | null;
  programmeShown: boolean;
  handOverProgramme(file: { fileName: string; contentBase64: string }): void;
  takePendingProgramme(): void;
  closeProgrammePanel(): void;
}

export const useOpenedFileStore = create<OpenedFileState>((set) => ({
  waiting: [],
  pendingPackage: null,
  packagePanelShown: false,
  add: (files) => set((s) => ({ waiting: [...s.waiting, ...files.filter((f) => !s.waiting.some((w) => w.path === f.path))] })),
  done: () => set((s) => ({ waiting: s.waiting.slice(1) })),
  handOverPackage: (path) => set({ pendingPackage: path, packagePanelShown: true }),
  takePendingPackage: () => set({ pendingPackage: null }),
  closePackagePanel: () => set({ packagePanelShown: false }),
  exchangeShown: null,
  pendingProgramme: null,
  programmeShown: false,
  handOverProgramme: (file) => set({ pendingProgramme: file, programmeShown: true }),
  takePendingProgramme: () => set({ pendingProgramme: null }),
  closeProgrammePanel: () => set({ programmeShown: false }),
  showExchange: (campaignId) => set((s) => ({ exchangeShown: { campaignId, nonce: (s.exchangeShown?.nonce ?? 0) + 1 } })),
}));
