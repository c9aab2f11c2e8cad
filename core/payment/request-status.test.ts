import { describe, expect, it } from 'vitest';
import { fixedClock } from '../shared/clock.ts';
import { unwrap } from '../shared/result.ts';
import type { PaymentRequestStatus } from './payment.ts';
import { aPaymentRequest } from './payment-builders.ts';
import { canTransitionRequest, transitionRequest } from './request-status.ts';

const STATUSES: readonly PaymentRequestStatus[] = ['queued', 'sent', 'paid', 'expired', 'cancelled'];
const LATER = fixedClock('2026-05-05T10:00:00.000Z');

describe('payment request status', () => {
  it('allows exactly queued → sent | cancelled and sent → paid | expired | cancelled', () => {
    const allowed = STATUSES.flatMap((from) => STATUSES.filter((to) => canTransitionRequest(from, to)).map((to) => `${from}→${to}`));
    expect(allowed).toEqual(['queued→sent', 'queued→cancelled', 'sent→paid', 'sent→expired', 'sent→cancelled']);
  });

  it('records the link the server sent and when the status changed', () => {
    const sent = unwrap(transitionRequest(aPaymentRequest(), 'sent', LATER, { link: 'https://pay.example/abc', expiresAt: '2026-05-12T10:00:00.000Z' }));
    expect(sent).toMatchObject({ status: 'sent', link: 'https://pay.example/abc', expiresAt: '2026-05-12T10:00:00.000Z', updatedAt: '2026-05-05T10:00:00.000Z' });
  });

  it('refuses to pay a request that was never sent, or to revive a final one', () => {
    const code = (from: PaymentRequestStatus, to: PaymentRequestStatus): string => {
      const result = transitionRequest(aPaymentRequest({ status: from }), to, LATER);
      return result.ok ? 'ok' : result.error.code;
    };
    expect(code('queued', 'paid')).toBe('INVALID_TRANSITION');
    expect(code('cancelled', 'sent')).toBe('INVALID_TRANSITION');
    expect(code('expired', 'paid')).toBe('INVALID_TRANSITION');
    expect(code('paid', 'cancelled')).toBe('INVALID_TRANSITION');
  });
});
