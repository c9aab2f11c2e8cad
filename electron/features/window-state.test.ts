import { describe, expect, it, vi } from 'vitest';
import type { Rectangle, WindowState } from './window-state.ts';
import { MIN_HEIGHT, MIN_WIDTH, createWindowStateStore, parseWindowState, placeWindow } from './window-state.ts';

const laptop: Rectangle = { x: 0, y: 0, width: 1440, height: 875 };
const externalRight: Rectangle = { x: 1440, y: 0, width: 2560, height: 1400 };
const state = (bounds: Rectangle, maximized = false): WindowState => ({ bounds, maximized });

describe('window placement', () => {
  it('centres a default-sized window on the primary display the first time', () => {
    expect(placeWindow(null, [laptop])).toEqual(state({ x: 80, y: 38, width: 1280, height: 800 }));
  });

  it('keeps a window where it was when it is fully visible', () => {
    const saved = state({ x: 1600, y: 100, width: 1400, height: 900 }, true);
    expect(placeWindow(saved, [laptop, externalRight])).toEqual(saved);
  });

  it('brings back a window left on a display that is gone (laptop undocked)', () => {
    const saved = state({ x: 1600, y: 100, width: 1400, height: 900 });
    expect(placeWindow(saved, [laptop])).toEqual(state({ x: 20, y: 0, width: 1400, height: 875 }));
  });

  it('pulls a window that hangs off the edge fully inside its display', () => {
    const saved = state({ x: 1200, y: -40, width: 1000, height: 700 });
    expect(placeWindow(saved, [laptop])).toEqual(state({ x: 440, y: 0, width: 1000, height: 700 }));
  });

  it('shrinks a window larger than its display and grows one below the minimum', () => {
    expect(placeWindow(state({ x: 0, y: 0, width: 3000, height: 2000 }), [laptop]).bounds).toEqual(laptop);
    expect(placeWindow(state({ x: 10, y: 10, width: 200, height: 100 }), [laptop]).bounds).toMatchObject({ width: MIN_WIDTH, height: MIN_HEIGHT });
  });

  it('treats a sliver on screen as off screen', () => {
    const saved = state({ x: 1400, y: 100, width: 1000, height: 700 });
    expect(placeWindow(saved, [laptop]).bounds).toEqual({ x: 220, y: 88, width: 1000, height: 700 });
  });
});

describe('window state file', () => {
  it('reads what it wrote', async () => {
    const files = new Map<string, string>();
    const store = createWindowStateStore('/user/window-state.json', {
      readText: async (file) => files.get(file) ?? Promise.reject(Object.assign(new Error('missing'), { code: 'ENOENT' })),
      writeTextAtomic: async (file, text) => void files.set(file, text),
    });
    expect(await store.load()).toBeNull();
    await store.save(state({ x: 1, y: 2, width: 1000, height: 700 }, true));
    expect(await store.load()).toEqual(state({ x: 1, y: 2, width: 1000, height: 700 }, true));
  });

  it('falls back to the default on a corrupt file', async () => {
    const store = createWindowStateStore('/f', { readText: vi.fn(async () => '{"bounds":{"x":"1"}'), writeTextAtomic: vi.fn() });
    expect(await store.load()).toBeNull();
    expect(parseWindowState('{"bounds":{"x":0,"y":0,"width":1e999,"height":1},"maximized":false}').ok).toBe(false);
    expect(parseWindowState('null').ok).toBe(false);
  });
});
