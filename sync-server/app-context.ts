import type { AuthService } from './auth/auth-service.ts';
import type { LoginRateLimiter } from './auth/rate-limit.ts';
import type { Db } from './db/db.ts';
import type { Metrics } from './http/metrics.ts';
import type { LiveStreams } from './sync/live-streams.ts';

/** Size limits of the sync endpoints. */
export interface SyncLimits {
  /** Largest push body in bytes (413 above). */
  readonly pushBodyBytes: number;
  /** Most rows in one push (400 above). */
  readonly pushRows: number;
  /** Largest `limit` a pull may ask for. */
  readonly pullLimit: number;
}

export const DEFAULT_LIMITS: SyncLimits = { pushBodyBytes: 5 * 1024 * 1024, pushRows: 2000, pullLimit: 5000 };

/** What route modules share, built once by `buildApp`. */
export interface AppContext {
  readonly db: Db;
  /** NOTIFY channel of this database (change-feed.ts). */
  readonly channel: string;
  /** The database epoch, part of every checkpoint (sync/checkpoint.ts). */
  readonly epoch: string;
  readonly auth: AuthService;
  readonly loginLimiter: LoginRateLimiter;
  readonly metrics: Metrics;
  readonly streams: LiveStreams;
  readonly limits: SyncLimits;
  readonly now: () => Date;
}
