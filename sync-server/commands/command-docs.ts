import type { CommandStatus } from '../../core/model/command.ts';
import type { JsonObject } from '../../core/model/json.ts';
import type { Failure } from '../../core/shared/result.ts';
import type { Sql } from '../db/db.ts';
import type { DocState } from '../sync/wire-doc.ts';

/** The schema's limits on a stored failure (core/schemas/commands.ts). */
const CODE_MAX = 64;
const MESSAGE_MAX = 2000;

/** A failure as the command document stores it, cut to the schema's limits. */
export function storedFailure(failure: Failure): Failure {
  return { code: failure.code.slice(0, CODE_MAX), message: failure.message.slice(0, MESSAGE_MAX) };
}

/** The server-owned fields of a command document, as the server sets them. */
export interface CommandOutcomeFields {
  readonly status: CommandStatus;
  readonly result: JsonObject | null;
  readonly error: Failure | null;
}

/** `state` with its server-owned fields replaced; a deleted (cancelled) document stays deleted. */
export function withOutcome(state: DocState, fields: CommandOutcomeFields, now: Date): DocState {
  const error = fields.error === null ? null : storedFailure(fields.error);
  return { ...state, body: { ...state.body, status: fields.status, result: fields.result, error: error === null ? null : { ...error }, updatedAt: now.toISOString() } };
}

/** Command documents still `queued`, oldest first (the partial index docs_commands_queued). */
export async function queuedCommandDocs(tx: Sql, limit: number): Promise<DocState[]> {
  const rows = await tx.query<{ id: string; doc: JsonObject }>(
    `SELECT id, doc FROM docs
     WHERE collection = 'commands' AND deleted = false AND doc->>'status' = 'queued'
     ORDER BY seq LIMIT $1`,
    [limit],
  );
  return rows.map((row) => ({ id: row.id, deleted: false, body: row.doc }));
}

/** The unfinished (queued or running) command documents of one creator carrying `key`. */
export async function openCommandDocs(tx: Sql, key: string, createdBy: string): Promise<DocState[]> {
  const rows = await tx.query<{ id: string; deleted: boolean; doc: JsonObject }>(
    `SELECT id, deleted, doc FROM docs
     WHERE collection = 'commands' AND doc->>'idempotencyKey' = $1 AND owner = $2
       AND doc->>'status' IN ('queued', 'running')`,
    [key, createdBy],
  );
  return rows.map((row) => ({ id: row.id, deleted: row.deleted, body: row.doc }));
}
