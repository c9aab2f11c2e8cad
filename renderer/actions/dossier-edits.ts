import type { Message, MessageDirection, MessageId } from '../../core/model/message.ts';
import { applyEvent, changeDates, type ChangeDatesError, type DossierActivity, type StayDates } from '../../core/pipeline/index.ts';
import { markDatesChanged } from '../../core/quote/index.ts';
import type { DossierId, UserId } from '../../core/shared/ids.ts';
import { err, ok, type Result } from '../../core/shared/result.ts';
import { pipelineContext, type ActionContext } from './action-context.ts';
import { loadDossierBundle, saveDossierOutcome } from './dossier-bundle.ts';

/**
 * Changes the stay dates. Unlike the seed's system, quotes are never lost: core `changeDates` names
 * the draft and sent quotes priced for the old dates and each is flagged "dates changed" (DESIGN §5).
 * Returns how many quotes were flagged.
 */
export async function changeStayDates(dossierId: string, dates: StayDates, ctx: ActionContext): Promise<Result<number, ChangeDatesError>> {
  const bundle = await loadDossierBundle(ctx.db, dossierId);
  if (bundle === null) return err('INVALID_DATE', 'dossier not found');
  const changed = changeDates(bundle.dossier, dates, bundle.quotes, pipelineContext(ctx));
  if (!changed.ok) return changed;
  const { dossier, flaggedQuoteIds, events } = changed.value;
  for (const quote of bundle.quotes.filter((q) => flaggedQuoteIds.includes(q.id))) {
    await ctx.db.quotes.incrementalUpsert(markDatesChanged(quote, ctx));
  }
  await saveDossierOutcome(ctx.db, dossier, events);
  return ok(flaggedQuoteIds.length);
}

/** Applies dossier activity (core `applyEvent`): records it and moves the dossier forward if due. */
export async function recordActivity(dossierId: string, activity: DossierActivity, ctx: ActionContext): Promise<void> {
  const bundle = await loadDossierBundle(ctx.db, dossierId);
  if (bundle === null) return;
  const outcome = applyEvent(bundle.dossier, activity, pipelineContext(ctx));
  if (outcome.events.length === 0 && outcome.dossier === bundle.dossier) return;
  await saveDossierOutcome(ctx.db, outcome.dossier, outcome.events);
}

/** Takes an unassigned request (inbox "Take") or re-assigns a dossier to oneself. */
export async function assignToMe(dossierId: string, ctx: ActionContext): Promise<void> {
  const doc = await ctx.db.dossiers.findOne(dossierId).exec();
  await doc?.incrementalPatch({ assignedTo: ctx.user.id as UserId, team: ctx.user.team || doc.team, updatedAt: ctx.clock.now() });
}

/**
 * Adds a conversation entry. Messages to or from the client are exchanges (seed 001: "dossiers en
 * cours" are those with exchanges), so they move a new request along; notes do not.
 */
export async function addMessage(dossierId: string, direction: MessageDirection, body: string, ctx: ActionContext): Promise<void> {
  const now = ctx.clock.now();
  const message: Message = {
    id: ctx.ids.next() as MessageId,
    dossierId: dossierId as DossierId,
    direction,
    channel: direction === 'internal_note' ? 'internal' : direction === 'call_note' ? 'phone' : 'email',
    authorId: direction === 'in' ? null : ctx.user.id,
    authorName: ctx.user.name,
    subject: '',
    body: body.trim(),
    createdAt: now,
    updatedAt: now,
  };
  await ctx.db.messages.insert(message);
  if (direction === 'in' || direction === 'out') await recordActivity(dossierId, { kind: 'message_exchanged' }, ctx);
}
