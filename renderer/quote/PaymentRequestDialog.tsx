import { useEffect, useMemo, useState } from 'react';
import type { BasisPoints } from '../../core/money/index.ts';
import type { Payment, PaymentRequestKind } from '../../core/payment/index.ts';
import type { Quote } from '../../core/quote/index.ts';
import { actionContext } from '../actions/action-context.ts';
import { dossierPayments, previewPaymentRequest, sendPaymentRequest } from '../actions/payment-requests.ts';
import type { Recipient } from '../actions/quote-lifecycle.ts';
import { notify } from '../app/toast-store.ts';
import { useT } from '../i18n/useT.ts';
import { CommitInput } from '../ui/CommitInput.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import { parseRate } from './line-inputs.ts';

interface PaymentRequestDialogProps {
  readonly quote: Quote;
  readonly kind: PaymentRequestKind;
  readonly to: Recipient;
  onClose(): void;
}

/** Seed 001 "request the deposit or the full payment": the amount is previewed before it is sent. */
export function PaymentRequestDialog({ quote, kind, to, onClose }: PaymentRequestDialogProps) {
  const { t, fmt } = useT();
  const [payments, setPayments] = useState<readonly Payment[] | null>(null);
  const [rate, setRate] = useState<BasisPoints>(quote.depositRate);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void dossierPayments(quote.dossierId, actionContext()).then(setPayments);
  }, [quote.dossierId]);
  const preview = useMemo(
    () => (payments === null ? null : previewPaymentRequest(quote, kind, payments, actionContext(), kind === 'deposit' ? rate : undefined)),
    [payments, quote, kind, rate],
  );
  const money = (amount: Parameters<typeof fmt.money>[0]) => fmt.money(amount, quote.currency);

  async function send() {
    if (payments === null || busy) return;
    setBusy(true);
    const ctx = actionContext();
    // Computed again at the moment of sending, from the payments as they are now.
    const fresh = previewPaymentRequest(quote, kind, await dossierPayments(quote.dossierId, ctx), ctx, kind === 'deposit' ? rate : undefined);
    if (fresh.request.ok) {
      await sendPaymentRequest(fresh.request.value, to, ctx);
      notify(t.payment.requested(money(fresh.request.value.amount)));
      onClose();
    } else {
      setBusy(false);
    }
  }

  return (
    <Dialog title={t.payment.kinds[kind]} onClose={onClose}>
      {preview !== null && (
        <>
          <dl className="facts">
            <dt>{t.payment.totalGross}</dt>
            <dd>{money(quote.totals.totalGross)}</dd>
            <dt>{t.payment.alreadyReceived}</dt>
            <dd>{money(preview.summary.received)}</dd>
            <dt>{t.payment.openRequests}</dt>
            <dd>{money(preview.summary.openRequested)}</dd>
          </dl>
          {kind === 'deposit' && (
            <label>
              {t.payment.rate}
              <CommitInput
                inputMode="decimal"
                value={fmt.percent(rate)}
                onCommit={(text) => {
                  const parsed = parseRate(text, fmt.numberLocale);
                  if (!parsed.ok) return t.parseErrors[parsed.error.code];
                  setRate(parsed.value);
                  return null;
                }}
              />
            </label>
          )}
          {preview.request.ok ? (
            <p className="notice info" role="status">
              {t.common.pair(t.payment.amountPreview, "")}<strong data-testid="payment-amount">{money(preview.request.value.amount)}</strong>
            </p>
          ) : (
            <p className="notice danger" role="alert">
              {t.paymentErrors[preview.request.error.code]}
            </p>
          )}
          <div className="row end">
            <button type="button" className="btn" onClick={onClose}>
              {t.common.cancel}
            </button>
            <button type="button" className="btn primary" disabled={!preview.request.ok || busy} onClick={() => void send()}>
              {t.payment.send}
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
