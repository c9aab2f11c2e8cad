export function PipelineBoard() {
  return <p>TODO</p>;
}
