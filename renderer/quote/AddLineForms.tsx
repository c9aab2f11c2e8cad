import { useRef, useState, type FormEvent } from 'react';
import { ONE, type BasisPoints } from '../../core/money/index.ts';
import { addCommentLine, addFeeLine, addMiscLine, type Quote } from '../../core/quote/index.ts';
import type { Failure } from '../../core/shared/result.ts';
import { actionContext } from '../actions/action-context.ts';
import { quoteContext } from '../actions/quote-context.ts';
import { useEditorShortcut } from '../app/editor-shortcuts.ts';
import { useT } from '../i18n/useT.ts';
import { referenceStore } from '../reference/reference-store.ts';
import { parsePrice, parseQty } from './line-inputs.ts';
import type { QuoteOp } from './useQuoteDraft.ts';
import { VatSelect } from './VatSelect.tsx';

type Form = 'misc' | 'fee' | 'comment' | null;

interface AddLineFormsProps {
  readonly quote: Quote;
  readonly disabled: boolean;
  apply<E extends string>(op: QuoteOp<E>): Failure<E> | null;
}

/** "Divers" lines (seed 001: free label, price, VAT), fees or shipping, and comment lines. */
export function AddLineForms({ quote, disabled, apply }: AddLineFormsProps) {
  const { t, fmt } = useT();
  const defaultVat = referenceStore((s) => s.settings.quote.allowedVatRates[0] ?? (2000 as BasisPoints));
  const [open, setOpen] = useState<Form>(null);
  const [label, setLabel] = useState('');
  const [price, setPrice] = useState('');
  const [qty, setQty] = useState('1');
  const [vat, setVat] = useState<BasisPoints>(defaultVat);
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);

  function show(form: Form) {
    setOpen(form);
    setError(null);
    setLabel(form === 'fee' ? t.quote.addFee : '');
    setPrice('');
    setQty('1');
    setVat(defaultVat);
    setTimeout(() => first.current?.focus(), 0);
  }
  useEditorShortcut('add-misc-line', () => !disabled && show('misc'));

  function submit(event: FormEvent) {
    event.preventDefault();
    const ctx = quoteContext(actionContext());
    let failure: Failure<string> | null;
    if (open === 'comment') {
      failure = apply((q) => addCommentLine(q, { text: label }, ctx));
    } else {
      const amount = parsePrice(price, fmt.numberLocale, quote.currency);
      if (!amount.ok) return setError(t.common.pair(t.quote.field.unitPrice, t.parseErrors[amount.error.code]));
      if (open === 'fee') {
        failure = apply((q) => addFeeLine(q, { label, amount: amount.value, vatRate: vat }, ctx));
      } else {
        const quantity = qty.trim() === '' ? { ok: true as const, value: ONE } : parseQty(qty, fmt.numberLocale);
        if (!quantity.ok) return setError(t.common.pair(t.quote.field.quantity, t.parseErrors[quantity.error.code]));
        failure = apply((q) => addMiscLine(q, { label, unitPrice: amount.value, quantity: quantity.value, vatRate: vat }, ctx));
      }
    }
    if (failure !== null) return setError(t.quoteErrors[failure.code as keyof typeof t.quoteErrors] ?? failure.message);
    // A misc line is often followed by another: the form stays open, emptied.
    if (open === 'misc') show('misc');
    else setOpen(null);
  }

  const title = open === 'misc' ? t.quote.miscTitle : open === 'fee' ? t.quote.feeTitle : t.quote.commentTitle;
  return (
    <div className="stack">
      <div className="row">
        <button type="button" className="btn" disabled={disabled} onClick={() => show('misc')} aria-keyshortcuts="Control+M">
          + {t.quote.addMisc} <kbd>Ctrl+M</kbd>
        </button>
        <button type="button" className="btn" disabled={disabled} onClick={() => show('fee')}>
          + {t.quote.addFee}
        </button>
        <button type="button" className="btn" disabled={disabled} onClick={() => show('comment')}>
          + {t.quote.addComment}
        </button>
      </div>
      {open !== null && (
        <form className="add-line panel" aria-label={title} onSubmit={submit}>
          <div className="row" style={{ alignItems: 'flex-end' }}>
            <label className="grow">
              {open === 'comment' ? t.quote.field.text : t.quote.field.label}
              <input ref={first} value={label} onChange={(e) => setLabel(e.target.value)} maxLength={open === 'comment' ? 2000 : 200} />
            </label>
            {open === 'misc' && (
              <label style={{ width: 90 }}>
                {t.quote.field.quantity}
                <input inputMode="decimal" value={qty} onChange={(e) => setQty(e.target.value)} />
              </label>
            )}
            {open !== 'comment' && (
              <>
                <label style={{ width: 130 }}>
                  {open === 'fee' ? t.quote.field.amount : t.quote.field.unitPrice} ({quote.priceMode === 'HT' ? t.quote.ht : t.quote.ttc})
                  <input inputMode="decimal" value={price} onChange={(e) => setPrice(e.target.value)} />
                </label>
                <label>
                  {t.quote.field.vatRate}
                  <VatSelect value={vat} label={t.quote.field.vatRate} onChange={setVat} />
                </label>
              </>
            )}
            <button type="submit" className="btn primary">
              {t.common.add}
            </button>
            <button type="button" className="btn" onClick={() => setOpen(null)}>
              {t.common.cancel}
            </button>
          </div>
          {error !== null && (
            <p role="alert" className="error-text">
              {error}
            </p>
          )}
        </form>
      )}
    </div>
  );
}
