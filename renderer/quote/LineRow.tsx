import { lineTotal, moveLine, removeLine, updateLine, type LinePatch, type Quote, type QuoteLine, type UpdateLineError } from '../../core/quote/index.ts';
import type { ParseErrorCode } from '../../core/money/index.ts';
import type { Failure, Result } from '../../core/shared/result.ts';
import { actionContext } from '../actions/action-context.ts';
import { quoteContext } from '../actions/quote-context.ts';
import { notifyError } from '../app/toast-store.ts';
import { useT } from '../i18n/useT.ts';
import { CommitInput } from '../ui/CommitInput.tsx';
import { formatDiscount, parseDiscount, parsePrice, parseQty } from './line-inputs.ts';
import type { QuoteOp } from './useQuoteDraft.ts';
import { VatSelect } from './VatSelect.tsx';

interface LineRowProps {
  readonly quote: Quote;
  readonly line: QuoteLine;
  readonly index: number;
  readonly frozen: boolean;
  apply<E extends string>(op: QuoteOp<E>): Failure<E> | null;
}

function reportIfRefused(message: string | null): void {
  if (message !== null) notifyError(message);
}

/** One editable quote line; every change goes through core `updateLine` and its validation. */
export function LineRow({ quote, line, index, frozen, apply }: LineRowProps) {
  const { t, fmt } = useT();
  const n = index + 1;
  const ctx = () => quoteContext(actionContext());
  const locale = fmt.numberLocale;
  const what = line.kind === 'comment' ? t.quote.kinds.comment : line.label;

  function patch(p: LinePatch): string | null {
    const failure = apply<UpdateLineError>((q) => updateLine(q, line.id, p, ctx()));
    return failure === null ? null : t.quoteErrors[failure.code];
  }
  function parsed<T>(result: Result<T, ParseErrorCode>, make: (value: T) => LinePatch): string | null {
    return result.ok ? patch(make(result.value)) : t.parseErrors[result.error.code];
  }
  const label = (field: string) => t.quote.lineLabel(n, `${field} (${what})`);
  const amounts = lineTotal(line, quote.priceMode);

  const actions = (
    <td className="num" style={{ whiteSpace: 'nowrap' }}>
      <button type="button" className="icon-btn" disabled={frozen || index === 0} aria-label={`${t.common.moveUp} ${n}`} onClick={() => apply((q) => moveLine(q, line.id, index - 1, ctx()))}>
        ↑
      </button>
      <button type="button" className="icon-btn" disabled={frozen || index === quote.lines.length - 1} aria-label={`${t.common.moveDown} ${n}`} onClick={() => apply((q) => moveLine(q, line.id, index + 1, ctx()))}>
        ↓
      </button>
      <button type="button" className="icon-btn" disabled={frozen} aria-label={t.quote.removeLine(n)} onClick={() => apply((q) => removeLine(q, line.id, ctx()))}>
        ✕
      </button>
    </td>
  );

  if (line.kind === 'comment') {
    return (
      <tr className="line comment" data-kind="comment">
        <td className="num">{n}</td>
        <td colSpan={7}>
          <CommitInput className="wide" aria-label={label(t.quote.field.text)} readOnly={frozen} value={line.text} onCommit={(text) => patch({ text })} />
        </td>
        {actions}
      </tr>
    );
  }

  const isFee = line.kind === 'fee';
  return (
    <tr className="line" data-kind={line.kind}>
      <td className="num">{n}</td>
      <td className="small">{line.kind === 'product' ? line.productRef : <span className="badge">{t.quote.kinds[line.kind]}</span>}</td>
      <td>
        <CommitInput className="wide" aria-label={label(t.quote.field.label)} readOnly={frozen} value={line.label} onCommit={(text) => patch({ label: text })} />
        {line.kind === 'product' && line.pricing !== null && (
          <div className="why small" title={line.pricing.explanation}>
            {line.pricing.source === 'manual' ? (
              <span className="badge warn">{t.quote.manualPrice}</span>
            ) : line.pricing.source === 'offer' ? (
              <span>
                <span className="badge ok">{line.pricing.offerRef}</span> {line.pricing.explanation}
              </span>
            ) : (
              <span className="muted">{t.quote.catalogPrice}</span>
            )}
          </div>
        )}
      </td>
      <td>
        {isFee ? (
          ''
        ) : (
          <CommitInput className="qty" inputMode="decimal" aria-label={label(t.quote.field.quantity)} readOnly={frozen} value={fmt.quantity(line.quantity)} onCommit={(text) => parsed(parseQty(text, locale), (quantity) => ({ quantity }))} />
        )}
      </td>
      <td>
        <CommitInput
          className="price"
          inputMode="decimal"
          aria-label={label(isFee ? t.quote.field.amount : t.quote.field.unitPrice)}
          readOnly={frozen}
          value={fmt.amount(isFee ? line.amount : line.unitPrice)}
          onCommit={(text) => parsed(parsePrice(text, locale, quote.currency), (value) => (isFee ? { amount: value } : { unitPrice: value }))}
        />
      </td>
      <td>
        {isFee ? (
          ''
        ) : (
          <CommitInput className="price" aria-label={label(t.quote.field.discount)} readOnly={frozen} value={formatDiscount(line.discount, fmt)} placeholder="—" onCommit={(text) => parsed(parseDiscount(text, locale, quote.currency), (discount) => ({ discount }))} />
        )}
      </td>
      <td>
        {line.kind === 'product' ? (
          <span className="small">{fmt.percent(line.vatRate)}</span>
        ) : (
          <VatSelect value={line.vatRate} label={label(t.quote.field.vatRate)} disabled={frozen} onChange={(vatRate) => reportIfRefused(patch({ vatRate }))} />
        )}
      </td>
      <td className="num">
        <strong>{amounts === null ? '' : fmt.amount(amounts.total)}</strong>
        {amounts !== null && amounts.discount > 0 && <div className="small muted">−{fmt.amount(amounts.discount)}</div>}
      </td>
      {actions}
    </tr>
  );
}
