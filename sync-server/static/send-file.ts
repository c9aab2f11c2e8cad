import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendFailure } from '../http/errors.ts';
import { contentRange, parseRange } from '../updates/feed.ts';

/** How to send one file. */
export interface FileToSend {
  /** Absolute path, already checked to lie where it may be served from. */
  readonly path: string;
  readonly contentType: string;
  readonly cacheControl: string;
}

/**
 * Sends a file with the validators caches and download resumers need (RFC 9110): `ETag` (size and
 * modification time, like nginx) and `Last-Modified`; `If-None-Match` / `If-Modified-Since` → 304;
 * one `Range` → 206 with `Content-Range`, a range past the end → 416, several ranges → the whole
 * file (feed.ts `parseRange`); `If-Range` naming an older version → the whole file. HEAD gets the
 * same headers without the body (Fastify's HEAD routes). Returns false, sending nothing, when the
 * path is not a regular file, so the caller decides what "not found" means there.
 */
export async function sendFile(request: FastifyRequest, reply: FastifyReply, file: FileToSend): Promise<boolean> {
  const info = await stat(file.path).catch(() => null);
  if (info === null || !info.isFile()) return false;
  const size = info.size;
  const etag = `"${size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  const lastModified = new Date(Math.floor(info.mtimeMs / 1000) * 1000);
  reply.header('etag', etag).header('last-modified', lastModified.toUTCString()).header('cache-control', file.cacheControl).header('accept-ranges', 'bytes');

  if (notModified(request, etag, lastModified)) {
    reply.code(304).send();
    return true;
  }
  const rangeHeader = rangeStillValid(request, etag, lastModified) ? request.headers.range : undefined;
  const range = parseRange(rangeHeader, size);
  if (range.kind === 'unsatisfiable') {
    reply.header('content-range', contentRange(null, size));
    sendFailure(reply, 416, 'RANGE_NOT_SATISFIABLE', `The file has ${size} bytes`);
    return true;
  }
  reply.type(file.contentType);
  if (range.kind === 'partial') {
    reply.code(206).header('content-range', contentRange(range, size)).header('content-length', range.end - range.start + 1);
    reply.send(request.method === 'HEAD' ? noBody() : createReadStream(file.path, { start: range.start, end: range.end }));
    return true;
  }
  reply.code(200).header('content-length', size);
  reply.send(request.method === 'HEAD' ? noBody() : size === 0 ? '' : createReadStream(file.path));
  return true;
}

/**
 * The body of a HEAD answer: an empty stream, because Fastify's HEAD routes keep the
 * Content-Length set for a stream (a string would have it recomputed as 0) and drain it (a file
 * stream would read the whole installer for nothing).
 */
function noBody(): Readable {
  return Readable.from([]);
}

/** A conditional GET the client's copy already satisfies; `If-None-Match` wins over the date. */
function notModified(request: FastifyRequest, etag: string, lastModified: Date): boolean {
  const noneMatch = request.headers['if-none-match'];
  if (noneMatch !== undefined) return noneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag || tag.trim() === '*');
  const since = request.headers['if-modified-since'];
  if (since === undefined) return false;
  const sinceTime = Date.parse(since);
  return !Number.isNaN(sinceTime) && lastModified.getTime() <= sinceTime;
}

/** `If-Range`: resume only if the file is still the one the client started downloading. */
function rangeStillValid(request: FastifyRequest, etag: string, lastModified: Date): boolean {
  const ifRange = request.headers['if-range'];
  if (ifRange === undefined) return true;
  if (typeof ifRange !== 'string') return false;
  if (ifRange.startsWith('"') || ifRange.startsWith('W/')) return ifRange === etag;
  const date = Date.parse(ifRange);
  return !Number.isNaN(date) && lastModified.getTime() === date;
}
