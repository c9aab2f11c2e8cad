export function QuoteEditor({ quoteId: _quoteId }: { readonly quoteId: string }) {
  return <p>TODO</p>;
}
