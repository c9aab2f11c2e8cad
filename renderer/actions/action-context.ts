import type { ClientDatabase } from '../../core/replication/index.ts';
import type { PipelineContext } from '../../core/pipeline/index.ts';
import type { Clock } from '../../core/shared/clock.ts';
import type { IdGenerator } from '../../core/shared/ids.ts';
import { currentDatabase } from '../db/database-store.ts';
import { randomIds, systemClock } from '../db/runtime.ts';
import type { SessionUser } from '../session/auth-api.ts';
import { currentUser } from '../session/session-store.ts';

/** What every write needs: the database, time, ids and who is acting. */
export interface ActionContext {
  readonly db: ClientDatabase;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly user: SessionUser;
}

export function actionContext(): ActionContext {
  return { db: currentDatabase(), clock: systemClock, ids: randomIds, user: currentUser() };
}

export function pipelineContext(ctx: ActionContext): PipelineContext {
  return { actor: ctx.user.id, clock: ctx.clock, ids: ctx.ids };
}
