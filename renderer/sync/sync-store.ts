import { create } from 'zustand';
import type { ConnectionState } from '../../core/replication/index.ts';
import type { CollectionName } from '../../core/schemas/index.ts';

/** One field changed here and on the server at once; the server value was kept (DESIGN §9). */
export interface ConflictRecord {
  readonly id: string;
  readonly collection: CollectionName;
  readonly documentId: string;
  /** Dotted path of the field, or `lines.<lineId>` for a quote line. */
  readonly field: string;
  readonly mine: unknown;
  readonly theirs: unknown;
  readonly at: string;
  /** `refused`: the server's rules refused this change; only acknowledging it makes sense. */
  readonly reason: 'concurrent' | 'refused';
}

export type ConflictChoice = 'mine' | 'theirs';

/**
 * What the header shows at all times (issue 4 "Sync state"), fed by the replication engine
 * (renderer/sync/sync-engine.ts). Everything the engine does not know yet stays null.
 */
export interface SyncState {
  /**
   * core/replication's connection state, or `local` when this device has no session to sync with
   * (no refresh token stored): the app then works on the local database only.
   */
  readonly connection: ConnectionState | 'local';
  /** Local writes not yet acknowledged by the server; null when the engine cannot tell. */
  readonly pendingChanges: number | null;
  /** Commands (emails, payment requests) still `queued`: they leave when the server gets them. */
  readonly queuedCommands: number;
  readonly lastSyncAt: string | null;
  readonly conflicts: readonly ConflictRecord[];
  /** First sync after sign-in: documents received so far and, when the server says, the total. */
  readonly progress: { readonly done: number; readonly total: number | null } | null;
  /** Set by the engine: applies the user's choice for one conflict; the refusal's message, or null. */
  readonly resolveConflict: ((id: string, choice: ConflictChoice) => Promise<string | null>) | null;
  update(patch: Partial<Omit<SyncState, 'update'>>): void;
}

export const syncStore = create<SyncState>()((set) => ({
  connection: 'local',
  pendingChanges: null,
  queuedCommands: 0,
  lastSyncAt: null,
  conflicts: [],
  progress: null,
  resolveConflict: null,
  update: (patch) => set(patch),
}));
