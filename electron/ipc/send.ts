/**
 * Typed main → renderer events (the event half of contract.ts). Sending to a destroyed window is a
 * no-op rather than an exception: the window can close while a notification is still on screen.
 */
import type { EventChannel, EventChannels } from './contract.ts';

/** The part of `WebContents` used to push events. */
export interface EventTarget {
  send(channel: string, payload: unknown): void;
  isDestroyed(): boolean;
}

export function sendEvent<C extends EventChannel>(target: EventTarget, channel: C, payload: EventChannels[C]): void {
  if (target.isDestroyed()) return;
  target.send(channel, payload);
}
