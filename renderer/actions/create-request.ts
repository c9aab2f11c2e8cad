import type { Message, MessageId } from '../../core/model/message.ts';
import type { Dossier, DossierSource } from '../../core/pipeline/index.ts';
import { toDossierDoc, type DossierDoc } from '../../core/schemas/index.ts';
import type { ClientId, DossierId } from '../../core/shared/ids.ts';
import type { ActionContext } from './action-context.ts';
import { nextNumber } from './numbering.ts';

export interface NewRequestInput {
  readonly clientId: ClientId | null;
  readonly source: DossierSource;
  readonly subject: string;
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly partySize: number | null;
  readonly callNote: string;
}

/**
 * Records a request taken on the phone: a dossier in `new` (seed 001 "the + creates a new request;
 * only adding services makes it a dossier"), assigned to the agent, and the call note as the first
 * message of its conversation. A call note is not an exchange with the client, so the dossier stays
 * in `new` until a quote line or a message moves it.
 */
export async function createRequest(input: NewRequestInput, ctx: ActionContext): Promise<DossierDoc> {
  const now = ctx.clock.now();
  const dossier: Dossier = {
    id: ctx.ids.next() as DossierId,
    number: await nextNumber(ctx.db, 'D'),
    clientId: input.clientId,
    source: input.source,
    subject: input.subject.trim(),
    startDate: input.startDate,
    endDate: input.endDate,
    partySize: input.partySize,
    assignedTo: ctx.user.id,
    team: ctx.user.team,
    stage: 'new',
    processed: false,
    tags: [],
    createdAt: now,
    updatedAt: now,
  };
  const doc = toDossierDoc(dossier);
  await ctx.db.dossiers.insert(doc);
  if (input.callNote.trim() !== '') {
    const note: Message = {
      id: ctx.ids.next() as MessageId,
      dossierId: dossier.id,
      direction: 'call_note',
      channel: 'phone',
      authorId: ctx.user.id,
      authorName: ctx.user.name,
      subject: '',
      body: input.callNote.trim(),
      createdAt: now,
      updatedAt: now,
    };
    await ctx.db.messages.insert(note);
  }
  return doc;
}
