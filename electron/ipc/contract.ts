/**
 * The one IPC contract shared by the main process (electron/ipc/handle.ts) and the preload
 * (electron/preload.ts), in the manner of GitHub Desktop's ipc-shared.ts: each invoke channel maps
 * to its request type, its response type and the validator the main process runs on the request;
 * each event channel (main → renderer) maps to its payload type. Renaming a channel or changing a
 * payload breaks both sides at compile time.
 */
import type { DossierId } from '../../core/shared/ids.ts';
import { ID_PATTERN } from '../../core/shared/ids.ts';
import type {
  DesktopSettings,
  DossierNotification,
  MenuCommand,
  OpenDossierRequest,
  PrintOutcome,
  PrintRequest,
  SavePdfOutcome,
  SavePdfRequest,
  TokenStorageStatus,
  UiLocale,
  UpdateChannel,
  UpdateStatus,
} from '../bridge.ts';
import type { Validator } from './validators.ts';
import { boolean, bytes, discriminated, integer, noPayload, object, oneOf, string } from './validators.ts';

/** Largest PDF the renderer may hand over: a 200-line quote is well under 1 MiB. */
export const MAX_PDF_BYTES = 50 * 1024 * 1024;
/** Refresh tokens are opaque strings issued by the sync server; this bounds what we encrypt. */
export const MAX_TOKEN_LENGTH = 4096;

interface Channel<Request, Response> {
  readonly request: Request;
  readonly response: Response;
}

/** Renderer → main request/response channels (`ipcRenderer.invoke` / `ipcMain.handle`). */
export interface InvokeChannels {
  'documents:save-pdf': Channel<SavePdfRequest, SavePdfOutcome>;
  'documents:print': Channel<PrintRequest, PrintOutcome>;
  'notifications:show': Channel<DossierNotification, null>;
  'sync:set-pending-count': Channel<{ readonly count: number }, null>;
  'auth:store-refresh-token': Channel<{ readonly token: string }, TokenStorageStatus>;
  'auth:read-refresh-token': Channel<null, string | null>;
  'auth:clear-refresh-token': Channel<null, null>;
  'settings:get': Channel<null, DesktopSettings>;
  'settings:set-server-url': Channel<{ readonly serverUrl: string }, DesktopSettings>;
  'settings:set-update-channel': Channel<{ readonly channel: UpdateChannel }, DesktopSettings>;
  'settings:set-locale': Channel<{ readonly locale: UiLocale }, DesktopSettings>;
  'updates:check': Channel<null, UpdateStatus>;
  'updates:install-and-restart': Channel<null, null>;
  'events:take-launch-dossier': Channel<null, DossierId | null>;
}

export type InvokeChannel = keyof InvokeChannels;
export type RequestOf<C extends InvokeChannel> = InvokeChannels[C]['request'];
export type ResponseOf<C extends InvokeChannel> = InvokeChannels[C]['response'];

/** Main → renderer notifications (`webContents.send` / `ipcRenderer.on`). */
export interface EventChannels {
  'events:open-dossier': OpenDossierRequest;
  'events:menu-command': MenuCommand;
  'updates:status': UpdateStatus;
}
export type EventChannel = keyof EventChannels;

const dossierId = string({ maxLength: 64, pattern: ID_PATTERN }) as Validator<DossierId>;
const locales = ['fr', 'en'] as const satisfies readonly UiLocale[];
const channels = ['stable', 'beta'] as const satisfies readonly UpdateChannel[];

/** The validator of every invoke channel's request, run by the main process before the handler. */
export const requestValidators: { readonly [C in InvokeChannel]: Validator<RequestOf<C>> } = {
  'documents:save-pdf': object({
    suggestedName: string({ minLength: 1, maxLength: 200 }),
    bytes: bytes(MAX_PDF_BYTES),
    openAfterSave: boolean,
  }),
  'documents:print': discriminated('target', {
    window: object({ target: oneOf(['window']) }),
    pdf: object({ target: oneOf(['pdf']), bytes: bytes(MAX_PDF_BYTES) }),
  }),
  'notifications:show': object({
    kind: oneOf(['web-request', 'payment-received']),
    dossierId,
    title: string({ minLength: 1, maxLength: 200 }),
    body: string({ maxLength: 1000 }),
  }),
  'sync:set-pending-count': object({ count: integer(0, 1_000_000) }),
  'auth:store-refresh-token': object({ token: string({ minLength: 1, maxLength: MAX_TOKEN_LENGTH }) }),
  'auth:read-refresh-token': noPayload,
  'auth:clear-refresh-token': noPayload,
  'settings:get': noPayload,
  'settings:set-server-url': object({ serverUrl: string({ minLength: 1, maxLength: 2048 }) }),
  'settings:set-update-channel': object({ channel: oneOf(channels) }),
  'settings:set-locale': object({ locale: oneOf(locales) }),
  'updates:check': noPayload,
  'updates:install-and-restart': noPayload,
  'events:take-launch-dossier': noPayload,
};
