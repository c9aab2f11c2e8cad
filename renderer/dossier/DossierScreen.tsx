export function DossierScreen({ dossierId: _dossierId }: { readonly dossierId: string }) {
  return <p>TODO</p>;
}
