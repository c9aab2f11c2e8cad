/**
 * Counts failed logins per (client IP, email) in a sliding window, in memory: enough to stop
 * password guessing against one account from one place. Each server process counts on its own;
 * behind a load balancer the effective limit is multiplied by the number of processes.
 */
export interface LoginRateLimiter {
  /** Seconds to wait before trying again, or 0 when allowed. */
  retryAfter(key: string, now: number): number;
  recordFailure(key: string, now: number): void;
  recordSuccess(key: string): void;
}

export interface RateLimitOptions {
  readonly maxFailures: number;
  readonly windowMs: number;
}

export const DEFAULT_LOGIN_LIMIT: RateLimitOptions = { maxFailures: 10, windowMs: 15 * 60_000 };

/** Keys are stored lower-cased: `Alice@x` and `alice@x` share a counter. */
export function loginKey(ip: string, email: string): string {
  return `${ip}|${email.trim().toLowerCase()}`;
}

/** An in-memory limiter; old entries are dropped as they expire. */
export function createLoginRateLimiter(options: RateLimitOptions = DEFAULT_LOGIN_LIMIT): LoginRateLimiter {
  const failures = new Map<string, number[]>();
  const recent = (key: string, now: number): number[] => {
    const kept = (failures.get(key) ?? []).filter((at) => now - at < options.windowMs);
    if (kept.length === 0) failures.delete(key);
    else failures.set(key, kept);
    return kept;
  };
  return {
    retryAfter(key, now) {
      const kept = recent(key, now);
      if (kept.length < options.maxFailures) return 0;
      const oldest = kept[kept.length - options.maxFailures] ?? now;
      return Math.max(1, Math.ceil((oldest + options.windowMs - now) / 1000));
    },
    recordFailure(key, now) {
      recent(key, now);
      failures.set(key, [...(failures.get(key) ?? []), now]);
      // Bound memory under a spray of distinct keys: forget the oldest entries.
      if (failures.size > 100_000) {
        const first = failures.keys().next();
        if (!first.done) failures.delete(first.value);
      }
    },
    recordSuccess(key) {
      failures.delete(key);
    },
  };
}
