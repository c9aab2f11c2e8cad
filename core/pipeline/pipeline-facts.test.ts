import { describe, expect, it } from 'vitest';
import { cents } from '../money/units.ts';
import type { PaymentId, QuoteId } from '../shared/ids.ts';
import { aPaymentRequest, aReceivedPayment } from '../payment/payment-builders.ts';
import { aPricedQuote, aQuote } from './pipeline-builders.ts';
import { NO_FACTS, pipelineFacts } from './pipeline-facts.ts';

describe('pipelineFacts', () => {
  it('knows nothing about a request without quotes or payments', () => {
    expect(pipelineFacts([], [])).toEqual(NO_FACTS);
  });

  it('counts product and misc lines as priced, not an empty quote', () => {
    expect(pipelineFacts([aQuote()], []).hasPricedLines).toBe(false);
    expect(pipelineFacts([aPricedQuote()], []).hasPricedLines).toBe(true);
  });

  it('takes the total and deposit from the accepted quote rather than a later draft', () => {
    const accepted = aPricedQuote({ status: 'accepted' });
    const draft = aPricedQuote({ id: 'quote-2' as QuoteId, version: 2, totals: { ...accepted.totals, totalGross: cents(150_000) } });
    expect(pipelineFacts([accepted, draft], [])).toMatchObject({ hasAcceptedQuote: true, totalGross: 100_000, depositAmount: 30_000 });
    expect(pipelineFacts([aPricedQuote({ status: 'sent' }), draft], [])).toMatchObject({ hasAcceptedQuote: false, totalGross: 150_000 });
  });

  it('sums received money and ignores cancelled requests', () => {
    const facts = pipelineFacts(
      [aPricedQuote({ status: 'accepted' })],
      [aPaymentRequest({ status: 'cancelled' }), aReceivedPayment(), aReceivedPayment({ id: 'received-2' as PaymentId, amount: cents(5_000) })],
    );
    expect(facts).toMatchObject({ hasPaymentRequest: false, totalReceived: 35_000 });
  });

  it('treats a smaller custom deposit request as the deposit: paying what was asked pays the deposit', () => {
    const custom = aPaymentRequest({ amount: cents(20_000), rate: null, status: 'sent' });
    expect(pipelineFacts([aPricedQuote({ status: 'accepted' })], [custom])).toMatchObject({ hasPaymentRequest: true, depositAmount: 20_000 });
  });
});
