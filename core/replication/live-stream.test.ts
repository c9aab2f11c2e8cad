import { describe, expect, it } from 'vitest';
import { ok, type Result } from '../shared/result.ts';
import type { RefreshError, SyncAuth } from './auth-session.ts';
import { Backoff } from './backoff.ts';
import { createLiveStream, parseStreamMessage, type StreamMessage } from './live-stream.ts';
import type { StreamHandlers, StreamTransport } from './transport.ts';

/** A stream transport whose connections the test drives by hand. */
function fakeStreams() {
  const opened: { headers: Readonly<Record<string, string>>; handlers: StreamHandlers; closed: boolean }[] = [];
  const transport: StreamTransport = {
    open(_url, headers, handlers) {
      const connection = { headers, handlers, closed: false };
      opened.push(connection);
      return {
        close() {
          connection.closed = true;
        },
      };
    },
  };
  return { transport, opened };
}

function tokens(): SyncAuth & { refreshes: number } {
  let token = 'access-1';
  const auth = {
    refreshes: 0,
    accessToken: () => token,
    async refresh(): Promise<Result<string, RefreshError>> {
      auth.refreshes++;
      token = `access-${auth.refreshes + 1}`;
      return ok(token);
    },
  };
  return auth;
}

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('live stream', () => {
  it('parses RESYNC and change notices, and ignores anything else', () => {
    expect(parseStreamMessage('RESYNC')).toEqual({ kind: 'resync' });
    expect(parseStreamMessage('{"collection":"quotes","checkpoint":{"epoch":"e","seq":42}}')).toEqual({ kind: 'change', collection: 'quotes', checkpoint: { epoch: 'e', seq: 42 } });
    expect(parseStreamMessage('{"collection":"conflicts"}')).toBeNull();
    expect(parseStreamMessage('hello')).toBeNull();
  });

  it("parses a notice's delivered documents, and keeps the plain notice when they do not make sense", () => {
    const doc = { id: 'd1', subject: 'Séjour', _deleted: false };
    expect(parseStreamMessage(JSON.stringify({ collection: 'dossiers', checkpoint: { epoch: 'e', seq: 9 }, from: 8, documents: [doc] }))).toEqual({
      kind: 'change',
      collection: 'dossiers',
      checkpoint: { epoch: 'e', seq: 9 },
      delivered: { from: 8, documents: [doc] },
    });
    const plain = { kind: 'change', collection: 'dossiers', checkpoint: { epoch: 'e', seq: 9 } };
    // A range past the checkpoint, a missing range, documents without ids: pull instead.
    expect(parseStreamMessage(JSON.stringify({ collection: 'dossiers', checkpoint: { epoch: 'e', seq: 9 }, from: 10, documents: [doc] }))).toEqual(plain);
    expect(parseStreamMessage(JSON.stringify({ collection: 'dossiers', checkpoint: { epoch: 'e', seq: 9 }, documents: [doc] }))).toEqual(plain);
    expect(parseStreamMessage(JSON.stringify({ collection: 'dossiers', checkpoint: { epoch: 'e', seq: 9 }, from: 9, documents: [{ subject: 'x' }] }))).toEqual(plain);
  });

  it('parses the heads greeting, keeping only known collections with a sequence, and any other resync as plain', () => {
    expect(parseStreamMessage('{"resync":{"epoch":"e","heads":{"dossiers":12,"quotes":0,"conflicts":3,"events":-1,"offers":"7"}}}')).toEqual({
      kind: 'resync',
      heads: { epoch: 'e', seqs: { dossiers: 12, quotes: 0 } },
    });
    expect(parseStreamMessage('{"resync":{"heads":{"dossiers":12}}}')).toEqual({ kind: 'resync' });
    expect(parseStreamMessage('{"resync":null}')).toEqual({ kind: 'resync' });
  });

  it('resyncs on connect, routes notices, refreshes the token on 401 and reconnects after every end', async () => {
    const { transport, opened } = fakeStreams();
    const auth = tokens();
    const events: string[] = [];
    const messages: StreamMessage[] = [];
    let clock = 0;
    const stream = createLiveStream(
      {
        transport,
        url: 'http://sync/api/sync/stream',
        auth,
        backoff: new Backoff({ initialMs: 1, maxMs: 1, random: () => 0 }),
        onConnected: () => events.push('connected'),
        onMessage: (m) => messages.push(m),
        onDisconnected: (end) => events.push(`disconnected ${end?.status ?? end?.message ?? 'normally'}`),
        onSessionEnded: () => events.push('session ended'),
      },
      () => clock,
    );
    stream.start();
    expect(opened[0]?.headers).toEqual({ authorization: 'Bearer access-1' });
    opened[0]?.handlers.onClose({ status: 401, message: 'HTTP 401' });
    await tick();
    expect(auth.refreshes).toBe(1);
    expect(opened[1]?.headers).toEqual({ authorization: 'Bearer access-2' });
    opened[1]?.handlers.onOpen();
    expect(stream.connected).toBe(true);
    opened[1]?.handlers.onMessage('{"collection":"dossiers","checkpoint":{"epoch":"e","seq":3}}');
    opened[1]?.handlers.onMessage('RESYNC');
    // The server ends the stream when the access token expires: reconnect at once.
    clock = 60_000;
    opened[1]?.handlers.onClose(null);
    await tick();
    expect(opened).toHaveLength(3);
    opened[2]?.handlers.onClose({ message: 'ECONNREFUSED' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(opened).toHaveLength(4);
    stream.stop();
    expect(opened[3]?.closed).toBe(true);
    opened[3]?.handlers.onOpen();
    expect(events).toEqual(['disconnected 401', 'connected', 'disconnected normally', 'disconnected ECONNREFUSED']);
    expect(messages).toEqual([{ kind: 'change', collection: 'dossiers', checkpoint: { epoch: 'e', seq: 3 } }, { kind: 'resync' }]);
  });

  it('does not pass on the RESYNC greeting of a connection (onConnected stands for it), only later ones', async () => {
    const { transport, opened } = fakeStreams();
    const events: string[] = [];
    const stream = createLiveStream(
      {
        transport,
        url: 'http://sync/api/sync/stream',
        auth: tokens(),
        backoff: new Backoff({ initialMs: 1, maxMs: 1, random: () => 0 }),
        onConnected: () => events.push('connected'),
        onMessage: (m) => events.push(m.kind),
        onDisconnected: () => events.push('disconnected'),
        onSessionEnded: () => events.push('session ended'),
      },
      () => 0,
    );
    stream.start();
    opened[0]?.handlers.onOpen();
    opened[0]?.handlers.onMessage('RESYNC');
    opened[0]?.handlers.onMessage('{"collection":"dossiers","checkpoint":{"epoch":"e","seq":3}}');
    // Notices were lost (a slow reader, the server's LISTEN connection came back): pull everything.
    opened[0]?.handlers.onMessage('RESYNC');
    opened[0]?.handlers.onClose(null);
    await new Promise((resolve) => setTimeout(resolve, 10));
    opened[1]?.handlers.onOpen();
    opened[1]?.handlers.onMessage('RESYNC');
    stream.stop();
    expect(events).toEqual(['connected', 'change', 'resync', 'disconnected', 'connected']);
  });
});
