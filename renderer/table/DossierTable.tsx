export function DossierTable() {
  return <p>TODO</p>;
}
