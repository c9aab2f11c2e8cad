import { setDepositRate, setPriceMode, setValidity, type PriceMode, type Quote } from '../../core/quote/index.ts';
import type { Failure } from '../../core/shared/result.ts';
import { actionContext } from '../actions/action-context.ts';
import { quoteContext } from '../actions/quote-context.ts';
import { notifyError } from '../app/toast-store.ts';
import { useT } from '../i18n/useT.ts';
import { CommitInput } from '../ui/CommitInput.tsx';
import { parseRate } from './line-inputs.ts';
import type { QuoteOp } from './useQuoteDraft.ts';

interface QuoteTermsBarProps {
  readonly quote: Quote;
  readonly frozen: boolean;
  apply<E extends string>(op: QuoteOp<E>): Failure<E> | null;
}

/** HT/TTC mode (prices converted at each line's rate), validity date and deposit percentage. */
export function QuoteTermsBar({ quote, frozen, apply }: QuoteTermsBarProps) {
  const { t, fmt } = useT();
  const ctx = () => quoteContext(actionContext());
  const modes: PriceMode[] = ['HT', 'TTC'];
  return (
    <div className="row terms">
      <fieldset className="row" disabled={frozen}>
        <legend>{t.quote.priceMode}</legend>
        {modes.map((mode) => (
          <label key={mode} className="inline">
            <input type="radio" name="price-mode" checked={quote.priceMode === mode} onChange={() => apply((q) => setPriceMode(q, mode, ctx()))} />
            {mode === 'HT' ? t.quote.ht : t.quote.ttc}
          </label>
        ))}
      </fieldset>
      <label>
        {t.quote.validUntil}
        <input
          type="date"
          value={quote.validUntil}
          readOnly={frozen}
          onChange={(e) => {
            if (e.target.value === '') return;
            const failure = apply((q) => setValidity(q, e.target.value, ctx()));
            if (failure !== null) notifyError(t.quoteErrors[failure.code], t.quote.validUntil);
          }}
        />
      </label>
      <label style={{ width: 110 }}>
        {t.quote.depositRate}
        <CommitInput
          inputMode="decimal"
          readOnly={frozen}
          value={fmt.percent(quote.depositRate)}
          onCommit={(text) => {
            const rate = parseRate(text, fmt.numberLocale);
            if (!rate.ok) return t.parseErrors[rate.error.code];
            const failure = apply((q) => setDepositRate(q, rate.value, ctx()));
            return failure === null ? null : t.quoteErrors[failure.code];
          }}
        />
      </label>
    </div>
  );
}
