import type { FastifyInstance } from 'fastify';
import type { JsonObject } from '../../core/model/json.ts';
import type { AppContext } from '../app-context.ts';
import { authenticate } from '../http/authenticate.ts';
import { errorSchema, sendFailure } from '../http/errors.ts';
import { newestFirstPosition, startSeq, type Checkpoint } from './checkpoint.ts';
import { COLLECTION_NAMES, isCollectionName } from './collections.ts';
import { pullNewestPage, pullPage } from './pull.ts';
import { pushDocuments, type PushRow } from './push.ts';

const PULL_BODY_LIMIT = 16 * 1024;
/**
 * The push answer with the sequences written (core/replication sync-api.ts asks for it). Chosen by
 * `Accept`, a header browsers send cross-origin without a preflight change; the default answer
 * stays the bare conflicts array that clients from before it expect.
 */
const PUSH_REPORT_TYPE = 'application/vnd.comptoir.push-report+json';
const DEFAULT_PULL_LIMIT = 100;

const checkpointSchema = {
  type: 'object',
  properties: {
    epoch: { type: 'string', maxLength: 64 },
    seq: { type: 'integer', minimum: 0 },
    newest: {
      anyOf: [
        {
          type: 'object',
          properties: { head: { type: 'integer', minimum: 0 }, below: { type: 'integer', minimum: 1 } },
          required: ['head', 'below'],
          additionalProperties: false,
        },
        { type: 'null' },
      ],
    },
  },
  required: ['epoch', 'seq'],
  additionalProperties: false,
} as const;

/** The envelope every wire document must have; the collection's JSON schema checks the rest. */
const wireDocSchema = {
  type: 'object',
  properties: { id: { type: 'string', minLength: 1, maxLength: 64 }, _deleted: { type: 'boolean' } },
  required: ['id'],
} as const;

const anyDocs = { type: 'array', items: { type: 'object', additionalProperties: true } } as const;

interface CollectionParams {
  collection: string;
}

/**
 * `POST /api/sync/<collection>/pull` `{ checkpoint: {epoch, seq} | null, limit?: 1…5000 (100), order?: 'newest' }`
 *   → 200 `{ documents: WireDoc[], checkpoint: {epoch, seq} }`: documents changed after the checkpoint
 *   that the caller may read, oldest first. Fewer than `limit` documents means "caught up".
 *   `order: 'newest'` with a null checkpoint starts a first sync newest first (pull.ts
 *   `pullNewestPage`): the checkpoints it returns carry `newest: {head, below}` (and `seq: 0`) until
 *   the last page, whose checkpoint is `{epoch, seq, newest: null}` to pull on from, oldest first.
 *   Sent back, a checkpoint with a position goes on newest first whatever `order` says; from
 *   another epoch it starts over.
 * `POST /api/sync/<collection>/push` `[ { assumedMasterState?: WireDoc | null, newDocumentState: WireDoc } ]`
 *   (at most 2000 rows, 5 MB) → 200 `WireDoc[]`: the server copy of every conflicting document
 *   (empty: all written). Rules violations come back as conflicts too (push.ts).
 *   With `Accept: application/vnd.comptoir.push-report+json` → 200 `{ conflicts: WireDoc[],
 *   written: {epoch, from, to} | null }`:
 *   the same conflicts, and the sequences the push gave when it stored every document as sent
 *   (`PushOutcome.sequences`), so that the client need not pull its own writes back.
 * Errors: 401 UNAUTHENTICATED, 404 UNKNOWN_COLLECTION, 400 INVALID_BODY / INVALID_DOCUMENT,
 * 413 BODY_TOO_LARGE.
 */
export function registerSyncRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post<{ Params: CollectionParams; Body: { checkpoint: Checkpoint | null; limit?: number; order?: 'oldest' | 'newest' } }>(
    '/api/sync/:collection/pull',
    {
      bodyLimit: PULL_BODY_LIMIT,
      schema: {
        body: {
          type: 'object',
          properties: {
            checkpoint: { anyOf: [checkpointSchema, { type: 'null' }] },
            limit: { type: 'integer', minimum: 1, maximum: ctx.limits.pullLimit },
            order: { type: 'string', enum: ['oldest', 'newest'] },
          },
          required: ['checkpoint'],
          additionalProperties: false,
        },
        response: {
          200: { type: 'object', properties: { documents: anyDocs, checkpoint: checkpointSchema }, required: ['documents', 'checkpoint'] },
          '4xx': errorSchema,
        },
      },
    },
    async (request, reply) => {
      const access = await authenticate(ctx.auth, request, reply);
      if (access === null) return reply;
      const { collection } = request.params;
      if (!isCollectionName(collection)) return unknownCollection(reply, collection);
      const started = performance.now();
      const { checkpoint: from, order } = request.body;
      const limit = request.body.limit ?? DEFAULT_PULL_LIMIT;
      const position = newestFirstPosition(from, ctx.epoch);
      const since = startSeq(from, ctx.epoch);
      const newest = position !== null || (order === 'newest' && since === 0);
      let page: { documents: string[]; next: object };
      if (newest) {
        const newestPage = await pullNewestPage(ctx.db, access.principal, collection, position, limit);
        page = { documents: newestPage.documents, next: 'head' in newestPage.next ? { seq: 0, newest: newestPage.next } : { seq: newestPage.next.seq, newest: null } };
      } else {
        const oldestPage = await pullPage(ctx.db, access.principal, collection, since, limit);
        page = { documents: oldestPage.documents, next: { seq: oldestPage.seq } };
      }
      ctx.metrics.inc('comptoir_sync_pull_total', { collection });
      ctx.metrics.inc('comptoir_sync_pull_documents_total', { collection }, page.documents.length);
      ctx.metrics.observe('comptoir_sync_pull_duration_seconds', { collection }, (performance.now() - started) / 1000);
      // The documents are already JSON text from PostgreSQL: assemble, do not re-serialise.
      const checkpoint = JSON.stringify({ epoch: ctx.epoch, ...page.next });
      return reply.type('application/json; charset=utf-8').send(`{"documents":[${page.documents.join(',')}],"checkpoint":${checkpoint}}`);
    },
  );

  app.post<{ Params: CollectionParams; Body: PushRow[] }>(
    '/api/sync/:collection/push',
    {
      bodyLimit: ctx.limits.pushBodyBytes,
      schema: {
        body: {
          type: 'array',
          maxItems: ctx.limits.pushRows,
          items: {
            type: 'object',
            properties: { newDocumentState: wireDocSchema, assumedMasterState: { anyOf: [wireDocSchema, { type: 'null' }] } },
            required: ['newDocumentState'],
            additionalProperties: false,
          },
        },
        response: { 200: anyDocs, '4xx': errorSchema },
      },
    },
    async (request, reply) => {
      const access = await authenticate(ctx.auth, request, reply);
      if (access === null) return reply;
      const { collection } = request.params;
      if (!isCollectionName(collection)) return unknownCollection(reply, collection);
      const started = performance.now();
      const result = await pushDocuments(ctx.db, ctx.channel, access.principal, collection, request.body);
      if (!result.ok) return sendFailure(reply, 400, result.error.code, result.error.message);
      const { conflicts, written, forbidden, invalidTotals, sequences } = result.value;
      if (forbidden.length > 0) request.log.info({ collection, forbidden }, 'push: writes refused by the rules, returned as conflicts');
      if (invalidTotals.length > 0) request.log.warn({ collection, invalidTotals }, 'push: quotes refused, their totals are not what their lines give');
      ctx.metrics.inc('comptoir_sync_push_total', { collection });
      const outcomes = { written, conflict: conflicts.length - forbidden.length, forbidden: forbidden.length };
      for (const [outcome, n] of Object.entries(outcomes)) ctx.metrics.inc('comptoir_sync_push_documents_total', { collection, outcome }, n);
      ctx.metrics.observe('comptoir_sync_push_duration_seconds', { collection }, (performance.now() - started) / 1000);
      if (!(request.headers.accept ?? '').includes(PUSH_REPORT_TYPE)) return conflicts as JsonObject[];
      const report = { conflicts, written: sequences === null ? null : { epoch: ctx.epoch, ...sequences } };
      // Serialised here: the response schema describes the plain array answer.
      return reply.type(`${PUSH_REPORT_TYPE}; charset=utf-8`).send(JSON.stringify(report));
    },
  );
}

function unknownCollection(reply: Parameters<typeof sendFailure>[0], name: string) {
  return sendFailure(reply, 404, 'UNKNOWN_COLLECTION', `No collection "${name}"; collections: ${COLLECTION_NAMES.join(', ')}`);
}
