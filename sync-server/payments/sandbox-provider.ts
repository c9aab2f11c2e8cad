import { randomBytes } from 'node:crypto';
import { err } from '../../core/shared/result.ts';
import type { Db } from '../db/db.ts';
import { saveLinkOnce } from './payment-links.ts';
import type { PaymentProvider } from './payment-provider.ts';

/** The sandbox's name in `payment_links.provider` and command results. */
export const SANDBOX = 'sandbox';

/** 32 random bytes: a page token nobody can guess or enumerate. */
export function newPageToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The built-in payment provider (DESIGN §10): no money moves. Its link is a page of this server,
 * `<publicUrl>/pay/<token>` (pay-routes.ts), where "Payer" / "Pay" records a card payment at once.
 * For demos, training and end-to-end tests; a real desk configures a hosted provider.
 */
export function createSandboxProvider(db: Db, publicUrl: string): PaymentProvider {
  const base = publicUrl.replace(/\/+$/, '');
  return {
    name: SANDBOX,
    async createPaymentLink({ request, expiresAt }) {
      const token = newPageToken();
      const stored = await saveLinkOnce(db, { providerRef: token, paymentId: request.id, provider: SANDBOX, link: `${base}/pay/${token}`, expiresAt });
      return { ok: true, value: { link: stored.link, expiresAt: stored.expiresAt, providerRef: stored.providerRef } };
    },
    async handleCallback() {
      return err('NOT_SUPPORTED', 'The sandbox has no webhook: its payment page records payments itself.');
    },
  };
}
