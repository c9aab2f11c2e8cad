import type { FastifyInstance } from 'fastify';
import { buildApp, type AppDeps } from '../../../sync-server/app.ts';
import type { ScryptParams } from '../../../sync-server/auth/password.ts';
import type { Role } from '../../../sync-server/auth/principal.ts';
import { createUser, type PublicUser } from '../../../sync-server/auth/users.ts';
import type { Db } from '../../../sync-server/db/db.ts';

/** Cheap scrypt for tests: the cost parameters are not what is under test. */
export const TEST_SCRYPT: ScryptParams = { N: 1024, r: 8, p: 1 };
export const TEST_SECRET = new TextEncoder().encode('test-secret-test-secret-test-secret-0123');
export const PASSWORD = 'correct horse battery';

/** Builds the app on `db` the way tests want it: silent, cheap hashing, fast heartbeats. */
export function build(db: Db, overrides: Partial<AppDeps> = {}): Promise<FastifyInstance> {
  return buildApp({ db, jwtSecret: TEST_SECRET, scrypt: TEST_SCRYPT, heartbeatMs: 1000, logger: false, ...overrides });
}

let users = 0;

/** Creates a user (password `PASSWORD`). */
export async function aUser(db: Db, role: Role, team = 'alpes', email = `user${++users}-${role}@example.fr`): Promise<PublicUser> {
  const created = await createUser(db, { email, name: `${role} ${users}`, password: PASSWORD, role, team }, TEST_SCRYPT);
  if (!created.ok) throw new Error(created.error.message);
  return created.value;
}

/** Tokens of a signed-in user. */
export interface Tokens {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly user: PublicUser;
}

/** Signs in through the API. */
export async function login(app: FastifyInstance, email: string, password = PASSWORD): Promise<Tokens> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  return response.json<Tokens>();
}

/** A user created and signed in. */
export async function signedIn(app: FastifyInstance, db: Db, role: Role, team = 'alpes'): Promise<Tokens> {
  const user = await aUser(db, role, team);
  return login(app, user.email);
}

/** `Authorization` header for a token. */
export function bearer(tokens: Tokens | string): { authorization: string } {
  return { authorization: `Bearer ${typeof tokens === 'string' ? tokens : tokens.accessToken}` };
}
