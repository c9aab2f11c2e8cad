import { create } from 'zustand';

export interface Toast {
  readonly id: number;
  readonly kind: 'info' | 'error';
  readonly title?: string;
  readonly text: string;
}

interface ToastState {
  readonly toasts: readonly Toast[];
  push(toast: Omit<Toast, 'id'>): void;
  dismiss(id: number): void;
}

let nextId = 1;
const INFO_MS = 4000;
const ERROR_MS = 9000;

/** Short confirmations and refusals, announced by the live regions of <Toasts>. */
export const toastStore = create<ToastState>()((set, get) => ({
  toasts: [],
  push(toast) {
    const id = nextId++;
    set({ toasts: [...get().toasts.slice(-2), { ...toast, id }] });
    setTimeout(() => get().dismiss(id), toast.kind === 'error' ? ERROR_MS : INFO_MS);
  },
  dismiss(id) {
    set({ toasts: get().toasts.filter((t) => t.id !== id) });
  },
}));

export function notify(text: string): void {
  toastStore.getState().push({ kind: 'info', text });
}

export function notifyError(text: string, title?: string): void {
  toastStore.getState().push(title === undefined ? { kind: 'error', text } : { kind: 'error', title, text });
}
