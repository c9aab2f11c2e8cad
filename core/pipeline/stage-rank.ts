import { STAGES } from './dossier.ts';
import type { Stage } from './dossier.ts';

/** Position of a stage on the board, 0 for `new`; automatic moves only ever increase it. */
export function stageRank(stage: Stage): number {
  return STAGES.indexOf(stage);
}

/** True for a known stage name; drag-and-drop and IPC input is checked with it. */
export function isStage(value: unknown): value is Stage {
  return typeof value === 'string' && (STAGES as readonly string[]).includes(value);
}

/**
 * Stages that automatic moves never leave: a processed dossier was entered in the back-office
 * software and an archived one was closed by a person; only a person moves them again.
 */
export function isFrozenForAutomaticMoves(stage: Stage): boolean {
  return stage === 'processed' || stage === 'archived';
}
