/**
 * What replication needs from the network, injected so that core stays pure (DESIGN §1): the
 * renderer adapts `fetch`, Node tests adapt `fetch` with a streaming body reader.
 */

export interface HttpResponse {
  readonly status: number;
  /** The parsed JSON body, or null when there is none (204) or it is not JSON. */
  readonly body: unknown;
}

export interface HttpTransport {
  /**
   * POSTs `body` as JSON. Resolves with any HTTP status; rejects only when no response arrived
   * (network down, connection reset, response lost on the way back).
   */
  postJson(url: string, body: unknown, headers: Readonly<Record<string, string>>): Promise<HttpResponse>;
}

/** How a stream ended: `status` when the server answered with an error status instead of a stream. */
export interface StreamEnd {
  readonly status?: number;
  readonly message: string;
}

export interface StreamHandlers {
  /** The server accepted the stream (HTTP 200). */
  onOpen(): void;
  /** One Server-Sent Event's data (several `data:` lines joined by `\n`); comments are not reported. */
  onMessage(data: string): void;
  /** The stream is over: `null` when the server ended it normally, else why it failed. Called once. */
  onClose(end: StreamEnd | null): void;
}

export interface StreamTransport {
  /**
   * Opens a Server-Sent Events stream (GET). After `close()`, no handler is called any more.
   * A browser `EventSource` cannot send headers: its adapter moves the bearer token to
   * `?access_token=`, which the server also accepts.
   */
  open(url: string, headers: Readonly<Record<string, string>>, handlers: StreamHandlers): { close(): void };
}

/** The transports of one client. */
export interface SyncTransports {
  readonly http: HttpTransport;
  readonly stream: StreamTransport;
}
