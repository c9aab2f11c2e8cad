import type { IsoInstant } from '../shared/clock.ts';
import type { DossierId, PaymentId, QuoteId } from '../shared/ids.ts';
import type { BasisPoints, Cents } from '../money/units.ts';

/** What a payment request asks for (seed 001: the deposit, the balance, or the whole amount). */
export type PaymentRequestKind = 'deposit' | 'balance' | 'full';

/** queued (made offline or not yet sent by the server) → sent → paid / expired / cancelled. */
export type PaymentRequestStatus = 'queued' | 'sent' | 'paid' | 'expired' | 'cancelled';

/** A request for money sent to the customer (a payment link). Statuses are server-owned once sent. */
export interface PaymentRequest {
  readonly id: PaymentId;
  readonly type: 'request';
  readonly dossierId: DossierId;
  readonly quoteId: QuoteId;
  readonly kind: PaymentRequestKind;
  readonly amount: Cents;
  /** For a deposit: the share of the total incl. VAT it was computed from. */
  readonly rate: BasisPoints | null;
  readonly status: PaymentRequestStatus;
  /** Payment page URL, written by the server. */
  readonly link: string | null;
  readonly expiresAt: IsoInstant | null;
  readonly createdAt: IsoInstant;
  readonly updatedAt: IsoInstant;
}

/** Money actually received. Recorded by the server (provider callback) or by an agent (cheque, transfer). */
export interface ReceivedPayment {
  readonly id: PaymentId;
  readonly type: 'received';
  readonly dossierId: DossierId;
  readonly quoteId: QuoteId;
  /** The request it settles, if any. */
  readonly requestId: PaymentId | null;
  readonly amount: Cents;
  readonly method: 'card' | 'transfer' | 'cheque' | 'cash' | 'other';
  readonly receivedAt: IsoInstant;
  readonly createdAt: IsoInstant;
  readonly updatedAt: IsoInstant;
}

export type Payment = PaymentRequest | ReceivedPayment;
