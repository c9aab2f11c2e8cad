import type { JsonObject } from '../../core/model/json.ts';
import type { Principal } from '../auth/principal.ts';
import { findUserById, type PublicUser } from '../auth/users.ts';
import type { Sql } from '../db/db.ts';
import type { CollectionName } from '../sync/collections.ts';
import { readDossierFacts } from '../sync/doc-store.ts';
import { ruleColumns } from '../sync/rule-columns.ts';
import { canRead } from '../sync/rules.ts';
import { text } from './json.ts';

/** Who queued a command, as the rules see them. */
export interface CommandCreator {
  readonly user: PublicUser;
  readonly principal: Principal;
}

/** The command's creator, or null when the account is gone or disabled (its commands do not run). */
export async function commandCreator(sql: Sql, userId: string): Promise<CommandCreator | null> {
  const user = await findUserById(sql, userId);
  if (user === null || user.disabled) return null;
  return { user, principal: { kind: 'user', userId: user.id, role: user.role, team: user.team } };
}

/**
 * Whether the creator may read `body` under the sync rules (DESIGN §10): a command acts on the
 * creator's behalf, so it must not mail or bill what the creator could not even see. `undefined`
 * when the rules cannot tell yet because the document's dossier has not replicated.
 */
export async function creatorMayRead(sql: Sql, creator: CommandCreator, collection: CollectionName, body: JsonObject): Promise<boolean | undefined> {
  const dossierId = ruleColumns(collection, body).dossierId;
  const facts = await readDossierFacts(sql, dossierId === null ? [] : [dossierId]);
  if (creator.principal.kind === 'user' && creator.principal.role === 'agent' && dossierId !== null && !facts.has(dossierId)) return undefined;
  return canRead(creator.principal, collection, body, (id) => facts.get(id));
}

/** A desk user's email by id: the users table first, the `users` reference directory otherwise. */
export async function userEmail(sql: Sql, userId: string): Promise<string | null> {
  const user = await findUserById(sql, userId);
  if (user !== null) return user.disabled ? null : user.email;
  const rows = await sql.query<{ email: string | null }>(
    `SELECT doc->'data'->>'email' AS email FROM docs
     WHERE collection = 'reference' AND deleted = false AND doc->>'type' = 'users' AND doc->'data'->>'id' = $1 LIMIT 1`,
    [userId],
  );
  return text(rows[0]?.email ?? undefined);
}
