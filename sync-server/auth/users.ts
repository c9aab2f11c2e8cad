import { randomBytes } from 'node:crypto';
import { err, ok, type Result } from '../../core/shared/result.ts';
import type { Sql } from '../db/db.ts';
import { hashPassword, type ScryptParams } from './password.ts';
import type { Role } from './principal.ts';

/** A user as the API shows it (wire contract of `user` in the login response). */
export interface PublicUser {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly team: string;
  readonly disabled: boolean;
}

/** A user with its password hash, for login only. */
export interface StoredUser extends PublicUser {
  readonly passwordHash: string;
}

interface UserRow {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  role: Role;
  team: string;
  disabled: boolean;
}

const COLUMNS = 'id, email, name, password_hash, role, team, disabled';

function fromRow(row: UserRow): StoredUser {
  return { id: row.id, email: row.email, name: row.name, role: row.role, team: row.team, disabled: row.disabled, passwordHash: row.password_hash };
}

/** Without the hash: what may leave the server. */
export function publicUser(user: StoredUser): PublicUser {
  return { id: user.id, email: user.email, name: user.name, role: user.role, team: user.team, disabled: user.disabled };
}

/** A user id usable as an RxDB reference (`[A-Za-z0-9_-]{1,64}`, e.g. a dossier's `assignedTo`). */
export function newUserId(): string {
  return `u_${randomBytes(12).toString('base64url')}`;
}

export interface NewUser {
  /** A chosen id (the demo's users match the ids its dossiers are assigned to); generated when absent. */
  readonly id?: string;
  readonly email: string;
  readonly name: string;
  readonly password: string;
  readonly role: Role;
  readonly team: string;
}

export type CreateUserError = 'EMAIL_TAKEN';

/** Creates a user; emails are unique regardless of case. */
export async function createUser(sql: Sql, input: NewUser, params?: ScryptParams): Promise<Result<PublicUser, CreateUserError>> {
  const passwordHash = await hashPassword(input.password, params);
  const rows = await sql.query<UserRow>(
    `INSERT INTO users (id, email, name, password_hash, role, team) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT DO NOTHING RETURNING ${COLUMNS}`,
    [input.id ?? newUserId(), input.email.trim(), input.name.trim(), passwordHash, input.role, input.team.trim()],
  );
  const row = rows[0];
  if (row === undefined) return err('EMAIL_TAKEN', `A user with the email ${input.email} already exists`);
  return ok(publicUser(fromRow(row)));
}

/** The user with this email (any case), or null. */
export async function findUserByEmail(sql: Sql, email: string): Promise<StoredUser | null> {
  const rows = await sql.query<UserRow>(`SELECT ${COLUMNS} FROM users WHERE lower(email) = lower($1)`, [email.trim()]);
  return rows[0] === undefined ? null : fromRow(rows[0]);
}

/** The user with this id, or null. */
export async function findUserById(sql: Sql, id: string): Promise<StoredUser | null> {
  const rows = await sql.query<UserRow>(`SELECT ${COLUMNS} FROM users WHERE id = $1`, [id]);
  return rows[0] === undefined ? null : fromRow(rows[0]);
}

/** Every user, by email. */
export async function listUsers(sql: Sql): Promise<PublicUser[]> {
  const rows = await sql.query<UserRow>(`SELECT ${COLUMNS} FROM users ORDER BY lower(email)`);
  return rows.map((row) => publicUser(fromRow(row)));
}

/** Disables (or re-enables) a user and revokes their refresh tokens. False when no such email. */
export async function setUserDisabled(sql: Sql, email: string, disabled: boolean): Promise<boolean> {
  const rows = await sql.query<{ id: string }>(
    'UPDATE users SET disabled = $2, updated_at = now() WHERE lower(email) = lower($1) RETURNING id',
    [email.trim(), disabled],
  );
  const id = rows[0]?.id;
  if (id === undefined) return false;
  if (disabled) await sql.query('UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [id]);
  return true;
}
