import type { Clock } from '../../core/shared/clock.ts';
import { purgeOffers } from '../admin/offers-commands.ts';
import type { Db } from '../db/db.ts';

/** Where the job reports; fastify's logger fits. */
export interface JobLog {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Seed 002: offers deleted more than 30 days ago "seront archivées et supprimées définitivement".
 * Runs once at start, then daily; several processes on one PostgreSQL may run it together (the
 * purge takes the offers lock, and tombstoning twice writes nothing the second time). Resolves to
 * a function that stops it, once the first run has finished.
 */
export async function startOfferPurge(db: Db, log: JobLog, clock: Clock, everyMs = DAY_MS): Promise<() => void> {
  const run = async (): Promise<void> => {
    try {
      const purged = await purgeOffers(db, clock);
      if (purged.length > 0) log.info({ purged }, 'offers deleted more than 30 days ago purged');
    } catch (error) {
      log.error({ err: error }, 'offer purge failed; retried at the next run');
    }
  };
  await run();
  const timer = setInterval(() => void run(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
