import type { Command, CommandId } from '../model/command.ts';
import type { HistoryEvent } from '../model/event.ts';
import type { JsonObject } from '../model/json.ts';
import type { Message, MessageChannel, MessageDirection, MessageId } from '../model/message.ts';
import type { SalesDocument } from '../model/sales-document.ts';
import type { Payment } from '../payment/payment.ts';
import type { Dossier } from '../pipeline/dossier.ts';
import type { ActivityOutcome } from '../pipeline/apply-event.ts';
import type { Quote } from '../quote/quote.ts';
import type { UserId } from '../shared/ids.ts';
import type { StoryClock } from './demo-time.ts';

/** Everything one dossier's story produced, in domain shapes (the dataset derives index keys). */
export interface StoryDocs {
  readonly dossier: Dossier;
  readonly quotes: readonly Quote[];
  readonly messages: readonly Message[];
  readonly events: readonly HistoryEvent[];
  readonly payments: readonly Payment[];
  readonly documents: readonly SalesDocument[];
  readonly commands: readonly Command[];
}

/** The mutable state of a story being played: the dossier as it stands and what was recorded so far. */
export interface StoryRecord {
  dossier: Dossier;
  readonly quotes: Map<string, Quote>;
  readonly messages: Message[];
  readonly events: HistoryEvent[];
  readonly payments: Map<string, Payment>;
  readonly documents: SalesDocument[];
  readonly commands: Command[];
  /** Applies the outcome of a pipeline operation: the moved dossier and its history records. */
  apply(outcome: ActivityOutcome): void;
  /** Stores a quote version, replacing the previous state of the same id. */
  saveQuote(quote: Quote): Quote;
  savePayment<P extends Payment>(payment: P): P;
  message(direction: MessageDirection, channel: MessageChannel, author: { id: UserId | null; name: string }, subject: string, body: string): void;
  command(kind: Command['kind'], key: string, payload: JsonObject, result: JsonObject | null, createdBy: UserId): void;
  done(): StoryDocs;
}

export function storyRecord(dossier: Dossier, clock: StoryClock, seq: number): StoryRecord {
  let messageCount = 0;
  let commandCount = 0;
  const record: StoryRecord = {
    dossier,
    quotes: new Map(),
    messages: [],
    events: [],
    payments: new Map(),
    documents: [],
    commands: [],
    apply(outcome) {
      record.dossier = outcome.dossier;
      record.events.push(...outcome.events);
    },
    saveQuote(quote) {
      record.quotes.set(quote.id, quote);
      return quote;
    },
    savePayment(payment) {
      record.payments.set(payment.id, payment);
      return payment;
    },
    message(direction, channel, author, subject, body) {
      const at = clock.now();
      messageCount += 1;
      record.messages.push({
        id: `m${seq}-${messageCount}` as MessageId,
        dossierId: record.dossier.id,
        direction,
        channel,
        authorId: author.id,
        authorName: author.name,
        subject,
        body,
        createdAt: at,
        updatedAt: at,
      });
    },
    command(kind, key, payload, result, createdBy) {
      const at = clock.now();
      commandCount += 1;
      record.commands.push({
        id: `c${seq}-${commandCount}` as CommandId,
        idempotencyKey: key,
        kind,
        payload,
        status: result === null ? 'queued' : 'done',
        result,
        error: null,
        createdBy,
        createdAt: at,
        // The server writes the result back a little later.
        updatedAt: result === null ? at : clock.advance(1),
      });
    },
    done: () => ({
      dossier: record.dossier,
      quotes: [...record.quotes.values()],
      messages: record.messages,
      events: record.events,
      payments: [...record.payments.values()],
      documents: record.documents,
      commands: record.commands,
    }),
  };
  return record;
}
