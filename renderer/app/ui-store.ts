import { create } from 'zustand';

export type Dialog = 'palette' | 'newCall' | 'shortcuts' | 'conflicts' | 'settings';

interface UiState {
  readonly dialog: Dialog | null;
  /** What the palette opens with: `search` when opened by Ctrl+F. */
  readonly paletteMode: 'commands' | 'search';
  /** A caller already identified (palette "client" result) when the new-call flow opens. */
  readonly newCallClientId: string | null;
  open(dialog: Dialog, options?: { paletteMode?: 'commands' | 'search'; clientId?: string }): void;
  close(): void;
}

/** Which modal is open; one at a time, so focus always has one home. */
export const uiStore = create<UiState>()((set) => ({
  dialog: null,
  paletteMode: 'commands',
  newCallClientId: null,
  open: (dialog, options = {}) => set({ dialog, paletteMode: options.paletteMode ?? 'commands', newCallClientId: options.clientId ?? null }),
  close: () => set({ dialog: null }),
}));
