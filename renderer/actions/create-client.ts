import type { ClientKind } from '../../core/clients/client.ts';
import { toClientDoc, type ClientDoc } from '../../core/schemas/index.ts';
import type { ClientId } from '../../core/shared/ids.ts';
import { randomId } from '../db/runtime.ts';
import type { ActionContext } from './action-context.ts';

export interface NewClientInput {
  readonly firstName: string;
  readonly lastName: string;
  readonly companyName: string;
  readonly email: string;
  /** Already in E.164 form. */
  readonly phones: readonly string[];
  readonly language: 'fr' | 'en';
}

/**
 * Creates a client for an unknown caller. The reference is a provisional unique code (`CLI-…`);
 * CLIENT-scoped offers name clients by reference, so an admin may rename it later.
 */
export async function createClient(input: NewClientInput, ctx: ActionContext): Promise<ClientDoc> {
  const kind: ClientKind = input.companyName.trim() !== '' && input.lastName.trim() === '' ? 'company' : 'person';
  const doc = toClientDoc({
    id: ctx.ids.next() as ClientId,
    reference: `CLI-${randomId().slice(-8).toUpperCase()}`,
    kind,
    companyName: input.companyName.trim(),
    firstName: input.firstName.trim(),
    lastName: input.lastName.trim(),
    email: input.email.trim(),
    phones: [...input.phones],
    groupCode: null,
    places: [],
    salesRep: ctx.user.id,
    language: input.language,
    updatedAt: ctx.clock.now(),
  });
  await ctx.db.clients.insert(doc);
  return doc;
}
