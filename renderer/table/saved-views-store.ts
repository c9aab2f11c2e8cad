import { create } from 'zustand';
import type { SortSpec, TableFilters } from './filter-rows.ts';

/** A named table set-up: filters, sort and visible columns (issue 4 "saved views"). */
export interface SavedView {
  readonly name: string;
  readonly filters: TableFilters;
  readonly sorting: readonly SortSpec[];
  readonly hidden: readonly string[];
}

const KEY = 'comptoir.tableViews';

function load(): SavedView[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? (parsed as SavedView[]) : [];
  } catch {
    return [];
  }
}

interface SavedViewsState {
  readonly views: readonly SavedView[];
  save(view: SavedView): void;
  remove(name: string): void;
}

/** Saved views, kept in this browser profile (they are personal, not replicated). */
export const savedViewsStore = create<SavedViewsState>()((set, get) => ({
  views: load(),
  save(view) {
    const views = [...get().views.filter((v) => v.name !== view.name), view].sort((a, b) => a.name.localeCompare(b.name));
    localStorage.setItem(KEY, JSON.stringify(views));
    set({ views });
  },
  remove(name) {
    const views = get().views.filter((v) => v.name !== name);
    localStorage.setItem(KEY, JSON.stringify(views));
    set({ views });
  },
}));
