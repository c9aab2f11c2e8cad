import { firstValueFrom, race, Subject, timer } from 'rxjs';

export interface BackoffOptions {
  /** First delay after a failure, in ms. */
  readonly initialMs: number;
  /** Ceiling of the delay, in ms. */
  readonly maxMs: number;
  /** Uniform in [0, 1); injected so tests are deterministic. */
  readonly random: () => number;
}

export const DEFAULT_BACKOFF: Omit<BackoffOptions, 'random'> = { initialMs: 500, maxMs: 30_000 };

/**
 * One backoff for everything that talks to the server: when it is down, all twelve request loops
 * (eleven collections and the live stream) fail together, and they should wait together rather
 * than multiply the load when it comes back.
 *
 * Requests take a ticket (`ticket()`) before they start; a failure only counts once per round of
 * requests that started together (same ticket), so eleven simultaneous failures double the delay
 * once, not eleven times. The delay is "equal jitter": half fixed, half random, so that many
 * clients reconnecting after a server restart spread out.
 */
export class Backoff {
  private failures = 0;
  private round = 0;
  private readonly wake$ = new Subject<void>();
  private readonly options: BackoffOptions;

  constructor(options: BackoffOptions) {
    this.options = options;
  }

  /** The round a request starting now belongs to. */
  ticket(): number {
    return this.round;
  }

  /** The delay before the next request: 0 when the last request succeeded. */
  delayMs(): number {
    if (this.failures === 0) return 0;
    const ceiling = Math.min(this.options.maxMs, this.options.initialMs * 2 ** (this.failures - 1));
    return Math.round(ceiling / 2 + (ceiling / 2) * this.options.random());
  }

  /** Waits out the current delay; `wake()` (back online, resume) cuts it short. */
  async wait(): Promise<void> {
    const delay = this.delayMs();
    if (delay === 0) return;
    await firstValueFrom(race(timer(delay), this.wake$));
  }

  fail(ticket: number): void {
    if (ticket !== this.round) return;
    this.failures += 1;
    this.round += 1;
  }

  succeed(): void {
    if (this.failures === 0) return;
    this.failures = 0;
    this.round += 1;
  }

  /** Ends every wait now and starts over from no delay (the network is back, or the user asked). */
  wake(): void {
    this.failures = 0;
    this.round += 1;
    this.wake$.next();
  }
}
