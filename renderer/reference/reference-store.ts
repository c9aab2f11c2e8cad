import type { ClientDatabase } from '../../core/replication/index.ts';
import { create } from 'zustand';
import type { JsonObject, JsonValue } from '../../core/model/json.ts';
import { parseDeskSettings, type DeskSettings } from '../actions/desk-settings.ts';
import { sessionStore } from '../session/session-store.ts';

export interface DirectoryUser {
  readonly id: string;
  readonly name: string;
  readonly team: string;
}

interface ReferenceState {
  readonly settings: DeskSettings;
  readonly users: ReadonlyMap<string, DirectoryUser>;
}

/** Admin-written configuration the UI reads everywhere: settings and the user directory. */
export const referenceStore = create<ReferenceState>()(() => ({
  settings: parseDeskSettings(null),
  users: new Map(),
}));

function asUser(value: JsonValue, key?: string): DirectoryUser | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const v = value as JsonObject;
  const id = typeof v['id'] === 'string' ? v['id'] : key;
  if (id === undefined) return null;
  const name = typeof v['name'] === 'string' ? v['name'] : typeof v['displayName'] === 'string' ? v['displayName'] : id;
  return { id, name, team: typeof v['team'] === 'string' ? v['team'] : '' };
}

/**
 * A `users` reference document: one user (`{ id, name, team, … }`, one document per user as the demo
 * desk writes them), a list (`{ users: [...] }`) or a map keyed by id.
 */
export function parseUsers(data: JsonObject): Map<string, DirectoryUser> {
  const users = new Map<string, DirectoryUser>();
  const single = typeof data['id'] === 'string' ? asUser(data) : null;
  if (single !== null) return users.set(single.id, single);
  const list = data['users'];
  const entries: [string | undefined, JsonValue][] = Array.isArray(list)
    ? (list as JsonValue[]).map((v) => [undefined, v])
    : Object.entries(data);
  for (const [key, value] of entries) {
    const user = asUser(value, key);
    if (user !== null) users.set(user.id, user);
  }
  return users;
}

/** Keeps the store in step with the `reference` collection. */
export function startReference(db: ClientDatabase): () => void {
  const subscription = db.reference.find({ selector: { type: { $in: ['settings', 'users'] } } }).$.subscribe((docs) => {
    let settings: JsonObject | null = null;
    const users = new Map<string, DirectoryUser>();
    for (const doc of docs) {
      const data = doc.toMutableJSON().data as JsonObject;
      if (doc.type === 'settings') settings = data;
      else for (const [id, user] of parseUsers(data)) users.set(id, user);
    }
    referenceStore.setState({ settings: parseDeskSettings(settings), users });
  });
  return () => subscription.unsubscribe();
}

/** A user's display name: the directory's, the signed-in user's own, or the id. */
export function userName(id: string | null): string {
  if (id === null) return '';
  const me = sessionStore.getState().user;
  if (me?.id === id) return me.name;
  return referenceStore.getState().users.get(id)?.name ?? id;
}
