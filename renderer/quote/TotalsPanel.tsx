import { depositAmount, setFooterDiscount, type Quote } from '../../core/quote/index.ts';
import type { Failure } from '../../core/shared/result.ts';
import { actionContext } from '../actions/action-context.ts';
import { quoteContext } from '../actions/quote-context.ts';
import { useT } from '../i18n/useT.ts';
import { CommitInput } from '../ui/CommitInput.tsx';
import { formatDiscount, parseDiscount } from './line-inputs.ts';
import type { QuoteOp } from './useQuoteDraft.ts';

interface TotalsPanelProps {
  readonly quote: Quote;
  readonly frozen: boolean;
  apply<E extends string>(op: QuoteOp<E>): Failure<E> | null;
}

/** Footer discount, the VAT table per rate and the totals, live as lines change (DESIGN §4). */
export function TotalsPanel({ quote, frozen, apply }: TotalsPanelProps) {
  const { t, fmt } = useT();
  const { totals } = quote;
  const mode = quote.priceMode === 'HT' ? t.quote.ht : t.quote.ttc;
  const money = (amount: Parameters<typeof fmt.money>[0]) => fmt.money(amount, quote.currency);
  return (
    <section className="panel stack" aria-labelledby="totals-title">
      <h2 id="totals-title">{t.quote.totals}</h2>
      <label>
        {t.quote.footerDiscount} (%, {mode})
        <CommitInput
          aria-label={t.quote.footerDiscount}
          readOnly={frozen}
          placeholder="10 % / 50,00"
          value={formatDiscount(quote.footerDiscount, fmt)}
          onCommit={(text) => {
            const parsed = parseDiscount(text, fmt.numberLocale, quote.currency);
            if (!parsed.ok) return t.parseErrors[parsed.error.code];
            const failure = apply((q) => setFooterDiscount(q, parsed.value, quoteContext(actionContext())));
            return failure === null ? null : t.quoteErrors[failure.code];
          }}
        />
      </label>
      <table className="grid" aria-label={t.quote.vatTable}>
        <thead>
          <tr>
            <th>{t.quote.rate}</th>
            <th className="num">{t.quote.base}</th>
            <th className="num">{t.quote.vatAmount}</th>
            <th className="num">{t.quote.gross}</th>
          </tr>
        </thead>
        <tbody>
          {totals.byRate.map((rate) => (
            <tr key={rate.vatRate}>
              <td>{fmt.percent(rate.vatRate)}</td>
              <td className="num">{fmt.amount(rate.net)}</td>
              <td className="num">{fmt.amount(rate.vat)}</td>
              <td className="num">{fmt.amount(rate.gross)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="totals" aria-label={t.quote.totals}>
        <dt>{t.quote.linesTotal(mode)}</dt>
        <dd data-testid="lines-total">{money(totals.linesTotal)}</dd>
        {totals.footerDiscount > 0 && (
          <>
            <dt>{t.quote.footerDiscount}</dt>
            <dd data-testid="footer-discount">−{money(totals.footerDiscount)}</dd>
          </>
        )}
        <dt>{t.quote.totalNet}</dt>
        <dd data-testid="total-net">{money(totals.totalNet)}</dd>
        <dt>{t.quote.totalVat}</dt>
        <dd data-testid="total-vat">{money(totals.totalVat)}</dd>
        <dt className="grand">{t.quote.totalGross}</dt>
        <dd className="grand" data-testid="total-gross">
          {money(totals.totalGross)}
        </dd>
        <dt>{t.quote.deposit(fmt.percent(quote.depositRate))}</dt>
        <dd data-testid="deposit">{money(depositAmount(totals.totalGross, quote.depositRate))}</dd>
      </dl>
    </section>
  );
}
