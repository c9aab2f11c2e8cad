import type { QuoteStatus } from '../../core/quote/index.ts';
import { useT } from '../i18n/useT.ts';

const TONE: Readonly<Record<QuoteStatus, string>> = { draft: 'badge', sent: 'badge accent', accepted: 'badge ok', declined: 'badge danger', expired: 'badge warn' };

export function QuoteStatusBadge({ status }: { readonly status: QuoteStatus }) {
  const { t } = useT();
  return <span className={TONE[status]}>{t.quote.statuses[status]}</span>;
}
