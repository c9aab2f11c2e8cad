import type { FastifyInstance, FastifyReply } from 'fastify';
import type { DocumentLanguage } from '../../core/documents/index.ts';
import type { Db } from '../db/db.ts';
import { notFoundPage, payPage, type PayPageKind } from './pay-page.ts';
import { loadPayView, type PayState } from './pay-view.ts';
import { payLink, type PayResult } from './record-payment.ts';

export interface PayRoutesDeps {
  readonly db: Db;
  readonly channel: string;
  readonly now: () => Date;
}

interface PayRequest {
  Params: { token: string };
  Querystring: { lang?: string; declined?: string };
}

/** Tokens are 43 base64url characters (sandbox-provider.ts); anything else is not worth a query. */
const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;

/**
 * The page may only style itself and post to itself; the token in its address must not leak
 * through a Referer, and neither the page nor the outcome may be cached on the way.
 */
function pageHeaders(reply: FastifyReply): FastifyReply {
  return reply
    .type('text/html; charset=utf-8')
    .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
    .header('referrer-policy', 'no-referrer')
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff');
}

function chosenLanguage(lang: string | undefined): DocumentLanguage | null {
  return lang === 'fr' || lang === 'en' ? lang : null;
}

const GET_PAGES: Readonly<Record<PayState, { kind: PayPageKind; status: number }>> = {
  payable: { kind: 'form', status: 200 },
  paid: { kind: 'already_paid', status: 200 },
  expired: { kind: 'expired', status: 410 },
  cancelled: { kind: 'cancelled', status: 410 },
  not_ready: { kind: 'not_ready', status: 409 },
};

const POST_PAGES: Readonly<Record<Exclude<PayResult['outcome'], 'not_found'>, { kind: PayPageKind; status: number }>> = {
  paid: { kind: 'paid_now', status: 200 },
  already_paid: { kind: 'already_paid', status: 200 },
  expired: { kind: 'expired', status: 410 },
  cancelled: { kind: 'cancelled', status: 410 },
  not_ready: { kind: 'not_ready', status: 409 },
};

/**
 * The sandbox provider's payment page (HTML, in the client's language; `?lang=fr|en` to switch):
 * - `GET /pay/<token>` → 200 the page with "Payer"/"Pay" (or "already paid"), `?declined=1` the
 *   "payment not made" page; 410 expired or cancelled; 409 not active yet; 404 unknown token.
 * - `POST /pay/<token>` (the button's form, any or no body) records the card payment
 *   (record-payment.ts) → 200 "payment received"; again → 200 "already paid"; 410 expired.
 */
export function registerPayRoutes(app: FastifyInstance, deps: PayRoutesDeps): void {
  void app.register(async (scope) => {
    // The button posts an HTML form; its (empty) body carries nothing the server reads.
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_request, _body, done) => done(null, {}));

    scope.get<PayRequest>('/pay/:token', async (request, reply) => {
      const { token } = request.params;
      const chosen = chosenLanguage(request.query.lang);
      const view = TOKEN.test(token) ? await loadPayView(deps.db, token, deps.now(), chosen) : null;
      if (view === null) return pageHeaders(reply).code(404).send(notFoundPage(chosen ?? 'fr'));
      const page = view.state === 'payable' && request.query.declined === '1' ? { kind: 'declined' as const, status: 200 } : GET_PAGES[view.state];
      return pageHeaders(reply).code(page.status).send(payPage(view, page.kind));
    });

    scope.post<PayRequest>('/pay/:token', async (request, reply) => {
      const { token } = request.params;
      const chosen = chosenLanguage(request.query.lang);
      const result = TOKEN.test(token) ? await payLink(deps.db, deps.channel, token, deps.now()) : ({ outcome: 'not_found' } as const);
      if (result.outcome === 'paid') request.log.info({ payment: result.payment.id, amount: result.payment.amount }, 'sandbox payment recorded');
      const view = result.outcome === 'not_found' ? null : await loadPayView(deps.db, token, deps.now(), chosen);
      if (view === null || result.outcome === 'not_found') return pageHeaders(reply).code(404).send(notFoundPage(chosen ?? 'fr'));
      const page = POST_PAGES[result.outcome];
      return pageHeaders(reply).code(page.status).send(payPage(view, page.kind));
    });
  });
}
