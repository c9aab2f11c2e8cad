import type { Command, CommandId, CommandKind } from '../../core/model/command.ts';
import type { JsonObject } from '../../core/model/json.ts';
import { randomId } from '../db/runtime.ts';
import type { ActionContext } from './action-context.ts';

/**
 * Queues a server-side action in the outbox (DESIGN §9): inserted `queued`, maybe offline; the server
 * runs it once per idempotency key when it arrives and writes the result back. The UI shows it as
 * "queued — sends when online" until then.
 */
export async function queueCommand(kind: CommandKind, subjectId: string, payload: JsonObject, ctx: ActionContext): Promise<Command> {
  const now = ctx.clock.now();
  const command: Command = {
    id: ctx.ids.next() as CommandId,
    // One key per user action: a retried insert (double click, replayed sync) stays one email.
    idempotencyKey: `${kind}:${subjectId}:${randomId()}`.slice(0, 128),
    kind,
    payload,
    status: 'queued',
    result: null,
    error: null,
    createdBy: ctx.user.id,
    createdAt: now,
    updatedAt: now,
  };
  await ctx.db.commands.insert(command);
  return command;
}
