/**
 * The typed bridge the preload exposes as `window.comptoir` (DESIGN §1, §11). The renderer imports
 * this type with `import type` only; in a plain browser the bridge is absent and the renderer falls
 * back to browser APIs.
 */
export interface ComptoirBridge {
  /** Which shell hosts the renderer. */
  readonly platform: 'darwin' | 'win32' | 'linux';
  /** Application version, for the About box and update checks. */
  readonly version: string;
}
