/**
 * The pull checkpoint (wire contract): `{ epoch, seq }`, or `null` to start from the beginning.
 * `seq` is the server-assigned sequence of the last document delivered (never a client clock);
 * `epoch` names the database's history: after a restore it changes, and a checkpoint from another
 * epoch restarts from 0 instead of silently skipping whatever the restored database numbered below it.
 */
export interface Checkpoint {
  readonly epoch: string;
  readonly seq: number;
}

/** Where a pull starts: the checkpoint's sequence in this epoch, else 0. */
export function startSeq(checkpoint: Checkpoint | null, epoch: string): number {
  return checkpoint !== null && checkpoint.epoch === epoch ? checkpoint.seq : 0;
}
