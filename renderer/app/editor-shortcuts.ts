import { useEffect, useRef } from 'react';

/** Shortcuts that only mean something inside the quote editor (Ctrl+L, Ctrl+M, app menu items). */
export type EditorShortcut = 'add-line' | 'add-misc-line';

const listeners = new Map<EditorShortcut, Set<() => void>>();

/** Runs the editor's handler; false when no editor is open (the key then does nothing). */
export function emitEditorShortcut(name: EditorShortcut): boolean {
  const set = listeners.get(name);
  if (set === undefined || set.size === 0) return false;
  for (const listener of set) listener();
  return true;
}

/** Registers a handler while the calling component is mounted. */
export function useEditorShortcut(name: EditorShortcut, handler: () => void): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    const listener = () => latest.current();
    let set = listeners.get(name);
    if (set === undefined) {
      set = new Set();
      listeners.set(name, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }, [name]);
}
