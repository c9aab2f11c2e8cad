import { describe, expect, it } from 'vitest';
import { Backoff } from './backoff.ts';

describe('shared backoff', () => {
  it('doubles once per round of simultaneous failures, up to the ceiling, with equal jitter', () => {
    const backoff = new Backoff({ initialMs: 100, maxMs: 1000, random: () => 1 });
    expect(backoff.delayMs()).toBe(0);
    const ticket = backoff.ticket();
    for (let i = 0; i < 11; i++) backoff.fail(ticket);
    expect(backoff.delayMs()).toBe(100);
    for (let round = 0; round < 10; round++) backoff.fail(backoff.ticket());
    expect(backoff.delayMs()).toBe(1000);
    const low = new Backoff({ initialMs: 100, maxMs: 1000, random: () => 0 });
    low.fail(low.ticket());
    low.fail(low.ticket());
    expect(low.delayMs()).toBe(100);
  });

  it('starts over after a success, and wake() ends a wait at once', async () => {
    const backoff = new Backoff({ initialMs: 60_000, maxMs: 60_000, random: () => 0.5 });
    backoff.fail(backoff.ticket());
    backoff.succeed();
    expect(backoff.delayMs()).toBe(0);
    backoff.fail(backoff.ticket());
    const waiting = backoff.wait();
    backoff.wake();
    await waiting;
    expect(backoff.delayMs()).toBe(0);
  });
});
