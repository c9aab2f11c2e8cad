/**
 * The pull checkpoint (wire contract): `{ epoch, seq }`, or `null` to start from the beginning.
 * `seq` is the server-assigned sequence of the last document delivered (never a client clock);
 * `epoch` names the database's history: after a restore it changes, and a checkpoint from another
 * epoch restarts from 0 instead of silently skipping whatever the restored database numbered below it.
 */
export interface Checkpoint {
  readonly epoch: string;
  readonly seq: number;
  /**
   * During a newest-first first sync (pull.ts `pullNewestPage`): the documents up to `head` below
   * `below` are still to come, and `seq` is 0. Its last page answers `newest: null`, so that a client
   * merging checkpoints field by field (RxDB does) drops the position.
   */
  readonly newest?: { readonly head: number; readonly below: number } | null;
}

/** The newest-first position a checkpoint of this epoch carries, or null. */
export function newestFirstPosition(checkpoint: Checkpoint | null, epoch: string): { head: number; below: number } | null {
  if (checkpoint === null || checkpoint.epoch !== epoch || checkpoint.newest === undefined || checkpoint.newest === null) return null;
  return checkpoint.newest;
}

/** Where a pull starts: the checkpoint's sequence in this epoch, else 0. */
export function startSeq(checkpoint: Checkpoint | null, epoch: string): number {
  return checkpoint !== null && checkpoint.epoch === epoch ? checkpoint.seq : 0;
}
