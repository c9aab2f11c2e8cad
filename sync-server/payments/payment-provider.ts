import type { DocumentLanguage } from '../../core/documents/index.ts';
import type { Cents } from '../../core/money/index.ts';
import type { PaymentRequest, ReceivedPayment } from '../../core/payment/index.ts';
import type { Failure, Result } from '../../core/shared/result.ts';

/** What a provider needs to open a payment link for a payment request. */
export interface PaymentLinkInput {
  readonly request: PaymentRequest;
  readonly expiresAt: Date;
  readonly language: DocumentLanguage;
  /** What the customer pays for, as the provider's page shows it ("Acompte - devis Q-2026-000123"). */
  readonly description: string;
}

/** An open payment link. Creating it again for the same request returns the same link. */
export interface PaymentLink {
  readonly link: string;
  readonly expiresAt: Date;
  /** The provider's id for it (sandbox: its page token; Stripe: a Checkout Session id). */
  readonly providerRef: string;
}

export type ProviderErrorCode =
  /** The provider could not be reached: try again later. */
  | 'PROVIDER_UNAVAILABLE'
  /** The provider refused to create the link (amount, account, currency …). */
  | 'PROVIDER_REFUSED';

export interface ProviderFailure extends Failure<ProviderErrorCode> {
  readonly transient: boolean;
}

export type PaymentLinkResult = { readonly ok: true; readonly value: PaymentLink } | { readonly ok: false; readonly error: ProviderFailure };

/** A provider's notice that a link was paid, once its authenticity was verified. */
export interface ProviderPaymentNotice {
  readonly providerRef: string;
  readonly amount: Cents;
  readonly method: ReceivedPayment['method'];
}

/** A provider's webhook call as received: the raw body is what signatures are computed over. */
export interface ProviderCallback {
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  readonly rawBody: Uint8Array;
}

/**
 * A payment provider (DESIGN §10). The built-in default is the sandbox (sandbox-provider.ts), which
 * serves its own payment page on this server and records payments directly. A hosted provider
 * (Stripe Checkout: not built, see the README) implements the same two calls: `createPaymentLink`
 * for the `payment.request` command, and `handleCallback` for its webhook, which verifies the
 * signature and names the link paid; record-payment.ts then does the rest, as for the sandbox.
 */
export interface PaymentProvider {
  readonly name: string;
  createPaymentLink(input: PaymentLinkInput): Promise<PaymentLinkResult>;
  handleCallback(callback: ProviderCallback): Promise<Result<ProviderPaymentNotice, 'INVALID_CALLBACK' | 'NOT_SUPPORTED'>>;
}
