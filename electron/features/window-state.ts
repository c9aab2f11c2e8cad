/**
 * Remembers the main window's bounds between runs (`window-state.json` in userData) and puts it
 * back somewhere visible: a laptop undocked from its second screen must not open the app off-screen.
 * The decisions are pure; the store takes its file functions as arguments.
 */
import type { Result } from '../../core/shared/result.ts';

export interface Rectangle {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface WindowState {
  /** Normal (un-maximised) bounds. */
  readonly bounds: Rectangle;
  readonly maximized: boolean;
}

export const MIN_WIDTH = 960;
export const MIN_HEIGHT = 600;
/** How much of the window must show on a display for it to stay where it was: enough to grab the title bar. */
const MIN_VISIBLE_WIDTH = 200;
const MIN_VISIBLE_HEIGHT = 60;

/** Reads a saved state; anything malformed is `INVALID_WINDOW_STATE` and the caller uses the default. */
export function parseWindowState(text: string): Result<WindowState, 'INVALID_WINDOW_STATE'> {
  const invalid = { ok: false, error: { code: 'INVALID_WINDOW_STATE', message: 'Saved window state is unreadable.' } } as const;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return invalid;
  }
  if (typeof data !== 'object' || data === null) return invalid;
  const { bounds, maximized } = data as { bounds?: unknown; maximized?: unknown };
  if (typeof maximized !== 'boolean' || typeof bounds !== 'object' || bounds === null) return invalid;
  const { x, y, width, height } = bounds as Record<string, unknown>;
  const numbers = [x, y, width, height];
  if (!numbers.every((n) => typeof n === 'number' && Number.isFinite(n))) return invalid;
  return { ok: true, value: { bounds: { x: x as number, y: y as number, width: width as number, height: height as number }, maximized } };
}

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

function fitInto(size: { width: number; height: number }, area: Rectangle): { width: number; height: number } {
  return {
    width: Math.round(Math.min(Math.max(size.width, MIN_WIDTH), area.width)),
    height: Math.round(Math.min(Math.max(size.height, MIN_HEIGHT), area.height)),
  };
}

function centred(size: { width: number; height: number }, area: Rectangle): Rectangle {
  const fitted = fitInto(size, area);
  return { ...fitted, x: Math.round(area.x + (area.width - fitted.width) / 2), y: Math.round(area.y + (area.height - fitted.height) / 2) };
}

/**
 * Places a saved state on the current displays' work areas (`screen.getAllDisplays()[i].workArea`,
 * primary first). Kept where it was if enough of it shows on one display — then shrunk to that
 * display and pulled fully inside it; otherwise centred on the primary display.
 * With no saved state, a default size centred on the primary display.
 */
export function placeWindow(saved: WindowState | null, workAreas: readonly Rectangle[], defaultSize = { width: 1280, height: 800 }): WindowState {
  const primary = workAreas[0] ?? { x: 0, y: 0, width: defaultSize.width, height: defaultSize.height };
  if (saved === null) return { bounds: centred(defaultSize, primary), maximized: false };
  const host = workAreas.find((area) => {
    const visible = overlap(saved.bounds, area);
    return visible.width >= MIN_VISIBLE_WIDTH && visible.height >= MIN_VISIBLE_HEIGHT;
  });
  if (host === undefined) return { bounds: centred(saved.bounds, primary), maximized: saved.maximized };
  const size = fitInto(saved.bounds, host);
  const x = Math.min(Math.max(saved.bounds.x, host.x), host.x + host.width - size.width);
  const y = Math.min(Math.max(saved.bounds.y, host.y), host.y + host.height - size.height);
  return { bounds: { ...size, x: Math.round(x), y: Math.round(y) }, maximized: saved.maximized };
}

export interface WindowStateFiles {
  readonly readText: (file: string) => Promise<string>;
  /** Must replace the file atomically (write a temporary file, then rename). */
  readonly writeTextAtomic: (file: string, text: string) => Promise<void>;
}

/** Loads and saves the state file. A missing or corrupt file is not an error: the default applies. */
export function createWindowStateStore(file: string, files: WindowStateFiles) {
  return {
    async load(): Promise<WindowState | null> {
      try {
        const parsed = parseWindowState(await files.readText(file));
        return parsed.ok ? parsed.value : null;
      } catch {
        return null;
      }
    },
    async save(state: WindowState): Promise<void> {
      await files.writeTextAtomic(file, JSON.stringify(state));
    },
  };
}
