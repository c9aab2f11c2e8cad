/**
 * `ipcMain.handle` wrapped so that no handler can forget a check, in the manner of GitHub Desktop's
 * ipc-main.ts. Before a handler runs:
 * - the sender frame must be the top frame of a page on the app's own `app://` origin
 *   (Electron security checklist §17 "Validate the sender of all IPC messages"): a page that got
 *   navigated elsewhere, or an iframe, is answered `UNTRUSTED_SENDER`;
 * - the payload must pass the channel's validator from contract.ts (`INVALID_PAYLOAD`).
 * A handler that throws is a bug: the renderer gets `INTERNAL` with the error's first line, the
 * main-process log gets the stack, and the stack never crosses to the renderer.
 */
import type { IpcErrorCode, IpcResult } from '../bridge.ts';
import { isAppUrl } from '../security/app-origin.ts';
import type { InvokeChannel, RequestOf, ResponseOf } from './contract.ts';
import { requestValidators } from './contract.ts';

/** The part of a `WebFrameMain` the sender check reads. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: unknown;
}

/** The part of an `IpcMainInvokeEvent` the wrapper reads; `sender` is handed to handlers as is. */
export interface InvokeEvent<Sender> {
  readonly senderFrame: SenderFrame | null;
  readonly sender: Sender;
}

/** The part of `ipcMain` the wrapper uses. */
export interface IpcMainLike<Sender> {
  handle(channel: string, listener: (event: InvokeEvent<Sender>, payload: unknown) => Promise<unknown>): void;
}

export interface Logger {
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

/** A handler gets the validated request and the web contents that sent it. */
export type Handler<C extends InvokeChannel, Sender> = (
  request: RequestOf<C>,
  sender: Sender,
) => IpcResult<ResponseOf<C>> | Promise<IpcResult<ResponseOf<C>>>;

/** Why a sender frame is refused, or null when it is the app's own top frame. */
export function untrustedSenderReason(frame: SenderFrame | null): string | null {
  // A null frame means it navigated away or was destroyed while the message was in flight.
  if (frame === null) return 'the sending frame is gone';
  // Only our top frame runs our code; an iframe (even same-origin) is someone else's content.
  if (frame.parent !== null) return 'the message came from a sub-frame';
  if (!isAppUrl(frame.url)) return `the sending frame is not on the app origin (${describeOrigin(frame.url)})`;
  return null;
}

function describeOrigin(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return 'unparsable URL';
  }
}

function failure(code: IpcErrorCode, message: string): IpcResult<never> {
  return { ok: false, error: { code, message } };
}

/** First line of an error message, bounded: never a stack trace. */
function publicMessage(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  const firstLine = raw.split('\n', 1)[0] ?? '';
  return firstLine.length > 200 ? `${firstLine.slice(0, 200)}…` : firstLine;
}

/** Registers typed, checked handlers on `ipcMain`. */
export interface IpcRouter<Sender> {
  handle<C extends InvokeChannel>(channel: C, handler: Handler<C, Sender>): void;
}

export function createIpcRouter<Sender>(ipcMain: IpcMainLike<Sender>, logger: Logger): IpcRouter<Sender> {
  return {
    handle(channel, handler) {
      ipcMain.handle(channel, async (event, payload) => {
        const reason = untrustedSenderReason(event.senderFrame);
        if (reason !== null) {
          logger.warn(`IPC ${channel} refused: ${reason}`);
          return failure('UNTRUSTED_SENDER', `Refused: ${reason}.`);
        }
        const validate = requestValidators[channel];
        const request = validate(payload);
        if (!request.ok) return request;
        try {
          return await handler(request.value, event.sender);
        } catch (error) {
          logger.error(`IPC ${channel} failed`, error);
          return failure('INTERNAL', `${channel} failed: ${publicMessage(error)}`);
        }
      });
    },
  };
}
