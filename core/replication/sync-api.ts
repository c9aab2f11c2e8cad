import type { JsonObject } from '../model/json.ts';
import type { CollectionName } from '../schemas/collections.ts';
import type { SyncAuth } from './auth-session.ts';
import type { Backoff } from './backoff.ts';
import type { HttpTransport } from './transport.ts';

/** The pull checkpoint the server hands out (opaque here: `{epoch, seq}` today). */
export type SyncCheckpoint = JsonObject;

/** A document on the wire: the RxDB document with `_deleted`. */
export type WireDoc = JsonObject;

export interface PullPage {
  readonly documents: WireDoc[];
  readonly checkpoint: SyncCheckpoint;
}

export interface PushRow {
  readonly assumedMasterState?: WireDoc;
  readonly newDocumentState: WireDoc;
}

/** The sequences a push gave, all to its own documents, stored exactly as sent (sync-server push.ts). */
export interface WrittenSequences {
  readonly epoch: string;
  readonly from: number;
  readonly to: number;
}

export interface PushResult {
  /** The server copy of every document not written. */
  readonly conflicts: WireDoc[];
  /** Null when nothing was written, some document was stored otherwise than sent, or the server does not say. */
  readonly written: WrittenSequences | null;
}

/**
 * - UNREACHABLE: no response, a 5xx or a 429: retried with backoff.
 * - SESSION_ENDED: the refresh token was refused: nothing syncs until the user signs in again.
 * - REJECTED: another 4xx (invalid document, body too large): retried, but needs a fix.
 * - INVALID_RESPONSE: a 2xx whose body is not what the contract says.
 * - PAUSED: not sent because replication is paused (offline mode); never shown as an error.
 */
export type SyncErrorCode = 'UNREACHABLE' | 'SESSION_ENDED' | 'REJECTED' | 'INVALID_RESPONSE' | 'PAUSED';

/**
 * A failed sync request. Thrown, not returned, because RxDB's replication loop learns of a failed
 * pull or push only from a rejected handler (it then waits `retryTime` and calls it again).
 */
export class SyncRequestError extends Error {
  readonly code: SyncErrorCode;
  readonly status: number | null;

  constructor(code: SyncErrorCode, status: number | null, message: string) {
    super(message);
    this.name = 'SyncRequestError';
    this.code = code;
    this.status = status;
  }
}

export interface SyncApiOptions {
  readonly http: HttpTransport;
  readonly baseUrl: string;
  readonly auth: SyncAuth;
  readonly backoff: Backoff;
  /** Called after each request that got its 2xx (last-sync time, online state). */
  readonly onSuccess: () => void;
  /** Called with each failure before it is thrown (error state for the UI). */
  readonly onFailure: (error: SyncRequestError) => void;
}

/** The replication endpoints of the sync server (`/api/sync/<collection>/pull|push`). */
export interface SyncApi {
  /** `order: 'newest'` starts a first sync (null checkpoint) newest first (sync-server sync-routes.ts). */
  pull(collection: CollectionName, checkpoint: SyncCheckpoint | null, limit: number, order?: 'newest'): Promise<PullPage>;
  push(collection: CollectionName, rows: readonly PushRow[]): Promise<PushResult>;
}

/** Asks the server for the push report (conflicts and sequences written) instead of the bare conflicts array. */
const PUSH_REPORT_TYPE = 'application/vnd.comptoir.push-report+json';

function serverMessage(body: unknown, status: number): string {
  if (typeof body === 'object' && body !== null) {
    const { code, message } = body as { code?: unknown; message?: unknown };
    if (typeof code === 'string') return `${code}: ${typeof message === 'string' ? message : ''}`;
  }
  return `HTTP ${status}`;
}

/**
 * Requests with the shared backoff (waited out before each request), one token refresh and retry
 * on 401, and failures classified for the UI.
 */
export function createSyncApi(options: SyncApiOptions): SyncApi {
  async function send(url: string, body: unknown, token: string | null, accept: string | undefined): Promise<{ status: number; body: unknown }> {
    const headers: Record<string, string> = token === null ? {} : { authorization: `Bearer ${token}` };
    if (accept !== undefined) headers.accept = accept;
    try {
      return await options.http.postJson(url, body, headers);
    } catch (error) {
      throw new SyncRequestError('UNREACHABLE', null, `No response from ${url}: ${String(error)}`);
    }
  }

  async function request(path: string, body: unknown, accept?: string): Promise<unknown> {
    await options.backoff.wait();
    const ticket = options.backoff.ticket();
    try {
      const url = `${options.baseUrl}${path}`;
      let token = options.auth.accessToken();
      let response = await send(url, body, token, accept);
      if (response.status === 401) {
        const refreshed = await options.auth.refresh(token);
        if (!refreshed.ok) throw new SyncRequestError(refreshed.error.code, 401, refreshed.error.message);
        token = refreshed.value;
        response = await send(url, body, token, accept);
        if (response.status === 401) throw new SyncRequestError('SESSION_ENDED', 401, serverMessage(response.body, 401));
      }
      if (response.status >= 500 || response.status === 429) throw new SyncRequestError('UNREACHABLE', response.status, serverMessage(response.body, response.status));
      if (response.status >= 400) throw new SyncRequestError('REJECTED', response.status, serverMessage(response.body, response.status));
      options.backoff.succeed();
      options.onSuccess();
      return response.body;
    } catch (error) {
      const failure = error instanceof SyncRequestError ? error : new SyncRequestError('UNREACHABLE', null, String(error));
      options.backoff.fail(ticket);
      options.onFailure(failure);
      throw failure;
    }
  }

  return {
    async pull(collection, checkpoint, limit, order) {
      const body = await request(`/api/sync/${collection}/pull`, order === undefined ? { checkpoint, limit } : { checkpoint, limit, order });
      const page = body as Partial<PullPage> | null;
      if (page === null || typeof page !== 'object' || !Array.isArray(page.documents) || typeof page.checkpoint !== 'object' || page.checkpoint === null) {
        throw new SyncRequestError('INVALID_RESPONSE', 200, `Unexpected pull response for ${collection}`);
      }
      return { documents: page.documents, checkpoint: page.checkpoint };
    },
    async push(collection, rows) {
      const body = await request(`/api/sync/${collection}/push`, rows, PUSH_REPORT_TYPE);
      // A server from before `report` answers with the bare conflicts array.
      if (Array.isArray(body)) return { conflicts: body as WireDoc[], written: null };
      const report = body as { conflicts?: unknown; written?: unknown } | null;
      if (report === null || typeof report !== 'object' || !Array.isArray(report.conflicts)) {
        throw new SyncRequestError('INVALID_RESPONSE', 200, `Unexpected push response for ${collection}`);
      }
      return { conflicts: report.conflicts as WireDoc[], written: writtenSequences(report.written) };
    },
  };
}

/** The `written` member of a push report, or null when absent or not of the expected shape. */
function writtenSequences(raw: unknown): WrittenSequences | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { epoch, from, to } = raw as { epoch?: unknown; from?: unknown; to?: unknown };
  if (typeof epoch !== 'string' || !Number.isSafeInteger(from) || !Number.isSafeInteger(to)) return null;
  const [first, last] = [from as number, to as number];
  return first >= 1 && last >= first ? { epoch, from: first, to: last } : null;
}
