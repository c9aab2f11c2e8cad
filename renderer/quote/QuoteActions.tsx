import { useState } from 'react';
import type { Payment, PaymentRequestKind } from '../../core/payment/index.ts';
import type { Quote } from '../../core/quote/index.ts';
import type { ClientDoc, DossierDoc } from '../../core/schemas/index.ts';
import { actionContext } from '../actions/action-context.ts';
import { deleteQuote } from '../actions/quote-drafts.ts';
import { acceptForClient, convertToOrder, createNextVersion, declineForClient, emailQuote } from '../actions/quote-lifecycle.ts';
import { dossierPayments } from '../actions/payment-requests.ts';
import { navigate } from '../app/route-store.ts';
import { notify, notifyError } from '../app/toast-store.ts';
import { useT } from '../i18n/useT.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { PaymentRequestDialog } from './PaymentRequestDialog.tsx';
import { pdfFileName, previewPdf, printPdf, quotePdfBytes, savePdf } from './quote-pdf.ts';

interface QuoteActionsProps {
  readonly quote: Quote;
  readonly dossier: DossierDoc | null;
  readonly client: ClientDoc | null;
}

/** Seed 000/001 quote actions: PDF, email, payment requests, accept, order, new version, delete. */
export function QuoteActions({ quote, dossier, client }: QuoteActionsProps) {
  const { t, locale } = useT();
  const [paymentKind, setPaymentKind] = useState<PaymentRequestKind | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const to = { email: client?.email ?? '', language: client?.language ?? locale };
  const refuse = (message: string) => notifyError(message, t.quote.actions);

  async function pdf(action: 'preview' | 'print' | 'save') {
    const payments: Payment[] = await dossierPayments(quote.dossierId, actionContext());
    const bytes = await quotePdfBytes({ quote, dossier, client, payments, fallbackLanguage: locale });
    if (action === 'preview') await previewPdf(bytes);
    else if (action === 'print') await printPdf(bytes);
    else if (await savePdf(bytes, pdfFileName(quote))) notify(t.quote.pdfSaved);
  }

  async function email() {
    if (to.email === '') return refuse(t.quote.noEmail);
    const sent = await emailQuote(quote, to, actionContext());
    if (sent.ok) notify(t.quote.emailed);
    else refuse(t.quoteErrors[sent.error.code]);
  }

  async function run<E extends keyof typeof t.quoteErrors>(
    action: () => Promise<{ ok: true; value: Quote } | { ok: false; error: { code: E } }>,
    done: (quote: Quote) => void,
  ) {
    const result = await action();
    if (result.ok) done(result.value);
    else refuse(t.quoteErrors[result.error.code]);
  }

  const ctx = () => actionContext();
  const draftOrSent = quote.status === 'draft' || quote.status === 'sent';
  const emailable = draftOrSent || quote.status === 'accepted';
  return (
    <section className="panel stack" aria-labelledby="actions-title">
      <h2 id="actions-title">{t.quote.actions}</h2>
      <div className="row">
        <button type="button" className="btn" onClick={() => void pdf('preview')}>
          {t.quote.preview}
        </button>
        <button type="button" className="btn" onClick={() => void pdf('print')}>
          {t.quote.print}
        </button>
        <button type="button" className="btn" onClick={() => void pdf('save')}>
          {t.quote.savePdf}
        </button>
      </div>
      <div className="row">
        <button type="button" className="btn primary" disabled={!emailable} onClick={() => void email()}>
          {t.quote.email}
        </button>
        <button type="button" className="btn" onClick={() => setPaymentKind('deposit')}>
          {t.quote.requestDeposit}
        </button>
        <button type="button" className="btn" onClick={() => setPaymentKind('balance')}>
          {t.quote.requestBalance}
        </button>
        <button type="button" className="btn" onClick={() => setPaymentKind('full')}>
          {t.quote.requestFull}
        </button>
      </div>
      <div className="row">
        <button type="button" className="btn" disabled={!draftOrSent} onClick={() => void run(() => acceptForClient(quote, ctx()), () => notify(t.quote.accepted))}>
          {t.quote.accept}
        </button>
        <button type="button" className="btn" disabled={quote.status !== 'sent'} onClick={() => void run(() => declineForClient(quote, ctx()), () => notify(t.quote.declined))}>
          {t.quote.decline}
        </button>
        <button
          type="button"
          className="btn"
          disabled={quote.status !== 'accepted' || quote.transferredToOrder !== null}
          onClick={() => void run(() => convertToOrder(quote, ctx()), () => notify(t.quote.converted))}
        >
          {t.quote.convert}
        </button>
        <button
          type="button"
          className="btn"
          disabled={quote.status === 'draft' || quote.status === 'accepted'}
          onClick={() =>
            void run(
              () => createNextVersion(quote, ctx()),
              (next) => {
                notify(t.quote.versionCreated(next.version));
                navigate({ name: 'quote', id: next.id });
              },
            )
          }
        >
          {t.quote.newVersion}
        </button>
        <button type="button" className="btn danger" disabled={quote.status === 'accepted'} onClick={() => setConfirmDelete(true)}>
          {t.quote.deleteQuote}
        </button>
      </div>
      {paymentKind !== null && <PaymentRequestDialog quote={quote} kind={paymentKind} to={to} onClose={() => setPaymentKind(null)} />}
      {confirmDelete && (
        <Dialog title={t.quote.deleteQuote} onClose={() => setConfirmDelete(false)}>
          <p>{t.quote.confirmDelete(`${quote.number} v${quote.version}`)}</p>
          <div className="row end">
            <button type="button" className="btn" onClick={() => setConfirmDelete(false)}>
              {t.common.cancel}
            </button>
            <button
              type="button"
              className="btn primary"
              onClick={() =>
                void deleteQuote(quote, ctx()).then((deleted) => {
                  setConfirmDelete(false);
                  if (!deleted.ok) return refuse(t.quoteErrors[deleted.error.code]);
                  notify(t.quote.deleted);
                  navigate({ name: 'dossier', id: quote.dossierId });
                })
              }
            >
              {t.common.delete}
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
