import { describe, expect, it } from 'vitest';
import { createLoginRateLimiter, loginKey } from './rate-limit.ts';

describe('login rate limit', () => {
  it('blocks after the allowed failures until the window has passed', () => {
    const limiter = createLoginRateLimiter({ maxFailures: 3, windowMs: 60_000 });
    const key = loginKey('10.0.0.1', 'Claire@Example.fr');
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfter(key, 1000 * i)).toBe(0);
      limiter.recordFailure(key, 1000 * i);
    }
    expect(limiter.retryAfter(key, 3000)).toBe(57);
    expect(limiter.retryAfter(loginKey('10.0.0.1', 'claire@example.fr'), 3000)).toBeGreaterThan(0);
    expect(limiter.retryAfter(loginKey('10.0.0.2', 'claire@example.fr'), 3000)).toBe(0);
    expect(limiter.retryAfter(key, 60_001)).toBe(0);
  });

  it('forgets failures after a successful sign-in', () => {
    const limiter = createLoginRateLimiter({ maxFailures: 2, windowMs: 60_000 });
    limiter.recordFailure('k', 0);
    limiter.recordFailure('k', 1);
    limiter.recordSuccess('k');
    expect(limiter.retryAfter('k', 2)).toBe(0);
  });
});
