import type { Clock, IsoInstant } from '../shared/clock.ts';
import { err, ok } from '../shared/result.ts';
import type { Result } from '../shared/result.ts';
import type { PaymentRequest, PaymentRequestStatus } from './payment.ts';

/**
 * queued → sent → paid | expired | cancelled, and queued → cancelled. Paid, expired and cancelled
 * are final: a new link means a new request, so the history of what the customer saw stays true.
 */
const NEXT: Readonly<Record<PaymentRequestStatus, readonly PaymentRequestStatus[]>> = {
  queued: ['sent', 'cancelled'],
  sent: ['paid', 'expired', 'cancelled'],
  paid: [],
  expired: [],
  cancelled: [],
};

export type RequestTransitionError = 'INVALID_TRANSITION';

/** True when a request may go from status `from` to status `to`. */
export function canTransitionRequest(from: PaymentRequestStatus, to: PaymentRequestStatus): boolean {
  return NEXT[from].includes(to);
}

/** Server-written details that come with a status: the payment link and its expiry when sent. */
export interface RequestStatusDetails {
  readonly link?: string;
  readonly expiresAt?: IsoInstant;
}

/** Moves a payment request to a new status, refusing moves the status machine does not allow. */
export function transitionRequest(
  request: PaymentRequest,
  to: PaymentRequestStatus,
  clock: Clock,
  details: RequestStatusDetails = {},
): Result<PaymentRequest, RequestTransitionError> {
  if (!canTransitionRequest(request.status, to)) {
    return err('INVALID_TRANSITION', `a ${request.status} payment request cannot become ${to}`);
  }
  return ok({
    ...request,
    status: to,
    link: details.link ?? request.link,
    expiresAt: details.expiresAt ?? request.expiresAt,
    updatedAt: clock.now(),
  });
}
