import type { DocumentLanguage } from '../../core/documents/index.ts';
import { formatMoney } from '../../core/money/index.ts';
import { payLabels, type PayLabels } from './pay-labels.ts';
import type { PayView } from './pay-view.ts';

/** Which message the page shows around the payment's details. */
export type PayPageKind = 'form' | 'paid_now' | 'already_paid' | 'expired' | 'cancelled' | 'declined' | 'not_ready';

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe inside HTML elements and quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const STYLE = `body{font-family:system-ui,sans-serif;background:#f4f6f8;color:#1d2733;margin:0}
main{max-width:32rem;margin:2rem auto;background:#fff;border-radius:8px;padding:1.5rem 2rem;box-shadow:0 1px 4px #0002}
h1{font-size:1.3rem;margin:.2rem 0 1rem}dl{display:grid;grid-template-columns:auto 1fr;gap:.4rem 1rem}dt{color:#5a6673}dd{margin:0}
.amount{font-size:1.4rem;font-weight:700}.note{background:#fff4d6;border-radius:4px;padding:.4rem .6rem;font-size:.9rem}
button{font-size:1.1rem;padding:.7rem 2.4rem;border:0;border-radius:6px;background:#1565c0;color:#fff;cursor:pointer}
button:focus-visible,a:focus-visible{outline:3px solid #f9a825;outline-offset:2px}.actions{display:flex;gap:1.5rem;align-items:center;margin-top:1.5rem}
.status{font-size:1.15rem;font-weight:600}footer{margin-top:1.5rem;font-size:.85rem;color:#5a6673}`;

function layout(language: DocumentLanguage, title: string, content: string): string {
  return `<!doctype html>
<html lang="${language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>
${content}
</main></body>
</html>
`;
}

function dateTime(view: PayView): string {
  const locale = view.language === 'en' ? 'en-GB' : 'fr-FR';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: view.timeZone }).format(view.expiresAt);
}

function details(view: PayView, labels: PayLabels, amount: string): string {
  const quote = view.quoteVersion === null ? view.quoteNumber : `${view.quoteNumber} (v${view.quoteVersion})`;
  const rows = [
    ...(view.quoteNumber !== '' ? [[labels.quote, escapeHtml(quote)]] : []),
    [labels.reason, escapeHtml(labels.kinds[view.kind])],
    [labels.amount, `<span class="amount">${escapeHtml(amount)}</span>`],
  ];
  return `<dl>${rows.map(([term, value]) => `<dt>${escapeHtml(term ?? '')}</dt><dd>${value ?? ''}</dd>`).join('')}</dl>`;
}

function contact(view: PayView, labels: PayLabels): string {
  const ways = [view.company.phone, view.company.email].filter((w) => w.trim() !== '');
  return ways.length === 0 ? '' : `<footer>${escapeHtml(labels.contact)} : ${ways.map(escapeHtml).join(' · ')}</footer>`;
}

function message(kind: PayPageKind, view: PayView, labels: PayLabels, amount: string): string {
  const status = (text: string) => `<p class="status" role="status">${escapeHtml(text)}</p>`;
  switch (kind) {
    case 'form':
      return `<p>${escapeHtml(labels.validUntil)} ${escapeHtml(dateTime(view))}</p>
<div class="actions"><form method="post"><button type="submit">${escapeHtml(labels.pay)}</button></form><a href="?declined=1&amp;lang=${view.language}">${escapeHtml(labels.decline)}</a></div>`;
    case 'paid_now':
      return `${status(labels.paidNow)}<p>${escapeHtml(labels.paidNowDetail(amount))}</p>`;
    case 'already_paid':
      return status(labels.alreadyPaid);
    case 'expired':
      return status(labels.expired(dateTime(view)));
    case 'cancelled':
      return status(labels.cancelled);
    case 'declined':
      return `${status(labels.declined)}<p>${escapeHtml(labels.declinedDetail(dateTime(view)))}</p><p><a href="?lang=${view.language}">${escapeHtml(labels.backToPayment)}</a></p>`;
    case 'not_ready':
      return status(labels.notReady);
  }
}

/**
 * The sandbox payment page (HTML, no script): the company, the quote, what is paid and how much,
 * then the "Payer" / "Pay" button (a form posting to the same address) and a "Refuser" / "Cancel"
 * link, or the outcome once paid, expired or cancelled.
 */
export function payPage(view: PayView, kind: PayPageKind): string {
  const labels = payLabels(view.language);
  const locale = view.language === 'en' ? 'en-GB' : 'fr-FR';
  const amount = formatMoney(view.amount, view.currency, locale);
  const other = labels.otherLanguage;
  const content = `<p class="note" role="note">${escapeHtml(labels.sandbox)}</p>
<h1>${escapeHtml(view.company.name)} — ${escapeHtml(labels.title)}</h1>
${view.clientName !== '' ? `<p>${escapeHtml(labels.greeting(view.clientName))}</p>` : ''}
${details(view, labels, amount)}
${message(kind, view, labels, amount)}
${kind === 'form' ? `<p><a href="?lang=${other.code}" hreflang="${other.code}" lang="${other.code}">${escapeHtml(other.label)}</a></p>` : ''}
${contact(view, labels)}`;
  return layout(view.language, `${labels.title} — ${view.company.name}`, content);
}

/** The page for a token that names no payment link. */
export function notFoundPage(language: DocumentLanguage): string {
  const labels = payLabels(language);
  return layout(language, labels.notFound, `<h1>${escapeHtml(labels.notFound)}</h1><p>${escapeHtml(labels.notFoundDetail)}</p>`);
}
