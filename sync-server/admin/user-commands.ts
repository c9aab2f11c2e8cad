import { err, ok, type Result } from '../../core/shared/result.ts';
import type { Db } from '../db/db.ts';
import type { ScryptParams } from '../auth/password.ts';
import { isRole } from '../auth/principal.ts';
import { createUser, listUsers, setUserDisabled, type PublicUser } from '../auth/users.ts';

export type UserCommandError = 'INVALID_ARGUMENT' | 'EMAIL_TAKEN' | 'NO_SUCH_USER';

/** What `user add` needs, as typed on the command line (validated here). */
export interface UserAddArgs {
  readonly email?: string | undefined;
  readonly name?: string | undefined;
  readonly password?: string | undefined;
  readonly role?: string | undefined;
  readonly team?: string | undefined;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const TEAM = /^[A-Za-z0-9_-]{1,64}$/;
/** Long enough to resist guessing once hashed; the rate limit does the rest. */
export const MIN_PASSWORD_LENGTH = 10;

/** `user add --email --name --password --role --team`. */
export async function addUser(db: Db, args: UserAddArgs, scrypt?: ScryptParams): Promise<Result<PublicUser, UserCommandError>> {
  const { email, name, password, role, team } = args;
  if (email === undefined || !EMAIL.test(email)) return err('INVALID_ARGUMENT', '--email must be an email address');
  if (name === undefined || name.trim() === '' || name.length > 200) return err('INVALID_ARGUMENT', '--name is required (at most 200 characters)');
  if (password === undefined || password.length < MIN_PASSWORD_LENGTH) {
    return err('INVALID_ARGUMENT', `--password must have at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  if (!isRole(role)) return err('INVALID_ARGUMENT', '--role must be agent, manager or admin');
  if (team === undefined || !TEAM.test(team)) return err('INVALID_ARGUMENT', '--team is required: letters, digits, _ or - (e.g. alpes)');
  return createUser(db, { email, name, password, role, team }, scrypt);
}

/** `user list`. */
export function userList(db: Db): Promise<PublicUser[]> {
  return listUsers(db);
}

/** `user disable <email>` / `user enable <email>`; disabling also ends the user's sessions. */
export async function setDisabled(db: Db, email: string | undefined, disabled: boolean): Promise<Result<string, UserCommandError>> {
  if (email === undefined) return err('INVALID_ARGUMENT', 'Give the email of the user');
  const found = await setUserDisabled(db, email, disabled);
  if (!found) return err('NO_SUCH_USER', `No user with the email ${email}`);
  return ok(email);
}
