import type { Quote } from '../../core/quote/index.ts';
import type { Failure } from '../../core/shared/result.ts';
import { useT } from '../i18n/useT.ts';
import { LineRow } from './LineRow.tsx';
import type { QuoteOp } from './useQuoteDraft.ts';

interface LineTableProps {
  readonly quote: Quote;
  readonly frozen: boolean;
  apply<E extends string>(op: QuoteOp<E>): Failure<E> | null;
}

export function LineTable({ quote, frozen, apply }: LineTableProps) {
  const { t } = useT();
  const mode = quote.priceMode === 'HT' ? t.quote.ht : t.quote.ttc;
  const c = t.quote.col;
  return (
    <table className="grid lines" aria-label={t.quote.lines}>
      <thead>
        <tr>
          <th className="num">{c.index}</th>
          <th>{c.ref}</th>
          <th style={{ width: '40%' }}>{c.label}</th>
          <th>{c.quantity}</th>
          <th>
            {c.unitPrice} {mode}
          </th>
          <th>{c.discount}</th>
          <th>{c.vat}</th>
          <th className="num">
            {c.total} {mode}
          </th>
          <th className="num">
            <span className="sr-only">{c.actions}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {quote.lines.length === 0 && (
          <tr>
            <td colSpan={9} className="muted">
              {t.quote.noLines}
            </td>
          </tr>
        )}
        {quote.lines.map((line, index) => (
          <LineRow key={line.id} quote={quote} line={line} index={index} frozen={frozen} apply={apply} />
        ))}
      </tbody>
    </table>
  );
}
