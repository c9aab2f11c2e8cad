import { createRxDatabase, type RxCollectionCreator, type RxDatabase, type RxStorage } from 'rxdb';
import { COLLECTION_NAMES, COLLECTIONS, MAX_COLLECTIONS, type CollectionName, type ComptoirCollections, type ComptoirDocTypes } from '../schemas/collections.ts';
import { installDerivedFieldHooks } from '../schemas/derived-fields.ts';
import type { Clock } from '../shared/clock.ts';
import type { IdGenerator } from '../shared/ids.ts';
import { withIndexedChangesSince } from './changed-since.ts';
import { createConflictHandler, type ConflictSink } from './conflict-handler.ts';
import { conflictMigrationStrategies, conflictSchema, CONFLICTS_COLLECTION, type ConflictCollection } from './conflict-schema.ts';
import { createConflictSink } from './conflict-store.ts';

/** The replicated collections plus the local-only review queue: 12 collections (DESIGN §3). */
export type ClientCollections = ComptoirCollections & { readonly [CONFLICTS_COLLECTION]: ConflictCollection };
export type ClientDatabase = RxDatabase<ClientCollections>;

export interface ClientDatabaseOptions {
  /** Database name (IndexedDB database prefix with Dexie). */
  readonly name: string;
  /** Dexie in the renderer, memory in tests and benchmarks. */
  readonly storage: RxStorage<unknown, unknown>;
  /** Stamps recorded conflicts. */
  readonly clock: Clock;
  /** Ids of recorded conflicts. */
  readonly ids: IdGenerator;
  /** A conflict that could not be recorded (storage failure); the merge itself still applies. */
  readonly onConflictRecordError: (error: unknown) => void;
}

/**
 * Creates the client database: every replicated collection with its three-way-merge conflict
 * handler (conflict-handler.ts), the local-only `conflicts` collection the handlers record into, and
 * the derived-field hooks. One window per database (`multiInstance: false`, DESIGN §11). The storage
 * is used with an index-only "changes since" look-up (changed-since.ts).
 *
 * One database per signed-in user and server: what a client holds, and where its pull checkpoints
 * stand, depend on what that user may read (another user on the same device must not inherit
 * either), so derive `name` from the user id.
 */
export async function createClientDatabase(options: ClientDatabaseOptions): Promise<ClientDatabase> {
  const db = await createRxDatabase<ClientCollections>({ name: options.name, storage: withIndexedChangesSince(options.storage), multiInstance: false });
  const sink: ConflictSink = createConflictSink(() => db.conflicts, options.clock, options.ids, options.onConflictRecordError);
  const creators: Record<string, RxCollectionCreator> = {};
  for (const name of COLLECTION_NAMES) creators[name] = collectionCreator(name, sink);
  creators[CONFLICTS_COLLECTION] = { schema: conflictSchema, migrationStrategies: conflictMigrationStrategies };
  if (Object.keys(creators).length > MAX_COLLECTIONS) throw new Error(`At most ${MAX_COLLECTIONS} collections per database (DESIGN §3)`);
  try {
    await db.addCollections(creators);
  } catch (error) {
    await db.close();
    throw error;
  }
  installDerivedFieldHooks(db as unknown as Parameters<typeof installDerivedFieldHooks>[0]);
  return db;
}

function collectionCreator<K extends CollectionName>(name: K, sink: ConflictSink): RxCollectionCreator<ComptoirDocTypes[K]> {
  const { schema, migrationStrategies } = COLLECTIONS[name];
  return { schema, migrationStrategies, conflictHandler: createConflictHandler<ComptoirDocTypes[K]>(name, sink) };
}
