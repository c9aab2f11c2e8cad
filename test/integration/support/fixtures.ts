import type { JsonObject } from '../../../core/model/json.ts';
import type { Dossier } from '../../../core/pipeline/dossier.ts';
import type { Quote } from '../../../core/quote/quote.ts';
import { aDossierDoc, aMessageDoc, anOfferDoc, aProductDoc } from '../../../core/schemas/doc-builders.ts';
import { aQuote } from '../../../core/schemas/quote-builder.ts';
import type { Role } from '../../../sync-server/auth/principal.ts';
import { spawnClient, type TestClient } from './client-proxy.ts';
import type { TestServer } from './server.ts';

// Documents as the test thread sends them to a client worker: plain JSON built from the shared
// builders, with string ids. Dossiers are unassigned so every agent of the team may edit them.

const json = (doc: object): JsonObject => doc as unknown as JsonObject;

/** An instant `seconds` after a fixed start: edits in a test get increasing updatedAt values. */
export function at(seconds: number): string {
  return new Date(Date.UTC(2026, 2, 2, 9, 30, seconds)).toISOString();
}

export function dossier(id: string, overrides: Partial<Omit<Dossier, 'id'>> = {}): JsonObject {
  return json(aDossierDoc({ assignedTo: null, team: 'alpes', ...overrides, id: id as Dossier['id'] }));
}

export function quote(id: string, dossierId: string, overrides: Partial<Omit<Quote, 'id' | 'dossierId'>> = {}): JsonObject {
  return json(aQuote({ ...overrides, id: id as Quote['id'], dossierId: dossierId as Quote['dossierId'] }));
}

export function message(id: string, dossierId: string, body: string): JsonObject {
  return json(aMessageDoc({ id: id as never, dossierId: dossierId as never, body, authorId: null }));
}

export function offer(id: string, code: string): JsonObject {
  return json(anOfferDoc({ id: id as never, code }));
}

export function product(id: string, label: string): JsonObject {
  return json(aProductDoc({ id: id as never, ref: id.toUpperCase(), label }));
}

/** A client worker signed in as a new user of `role` and `team`. */
export async function signedInClient(
  server: TestServer,
  name: string,
  role: Role = 'agent',
  team = 'alpes',
  online = true,
): Promise<{ client: TestClient; userId: string; email: string }> {
  const credentials = await server.user(role, team);
  const client = spawnClient(name);
  const user = await client.send('signIn', { baseUrl: server.baseUrl, email: credentials.email, password: credentials.password, online });
  return { client, userId: user.id, email: credentials.email };
}
