/** How transient command failures are retried: exponential backoff, bounded. */
export interface RetryPolicy {
  /** Attempts in all, the first included; the last failure is final. */
  readonly maxAttempts: number;
  /** Wait after the first failed attempt; doubled after each further one. */
  readonly baseDelayMs: number;
  /** The longest wait between two attempts. */
  readonly maxDelayMs: number;
}

/**
 * 8 attempts over about eight and a half minutes (2 s, 4 s … 256 s between them): an SMTP server
 * restarting or a quote still replicating behind its email gets time, a dead relay does not hold a
 * command for hours.
 */
export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 2_000, maxDelayMs: 300_000 };

/** The wait before the attempt after `attempt` (1-based) failed. */
export function retryDelay(policy: RetryPolicy, attempt: number): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
}
