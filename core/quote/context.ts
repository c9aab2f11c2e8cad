import type { Clock } from '../shared/clock.ts';
import type { IdGenerator } from '../shared/ids.ts';
import type { QuoteSettings } from './settings.ts';

/**
 * What quote operations need from the outside world, injected so they stay pure and testable.
 * Each operation asks only for the parts it uses (`Pick<QuoteContext, 'clock'>`), so callers can
 * pass one context object everywhere.
 */
export interface QuoteContext {
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly settings: QuoteSettings;
}
