import type { ComptoirBridge } from '../electron/bridge.ts';

declare global {
  interface Window {
    /** Present inside the desktop app only (preload); absent in a plain browser. */
    readonly comptoir?: ComptoirBridge;
  }
}

/** The desktop bridge, or null when the renderer runs in a plain browser. */
export function desktopBridge(): ComptoirBridge | null {
  return window.comptoir ?? null;
}
