import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sendFailure } from '../http/errors.ts';
import { sendFile } from './send-file.ts';
import { isClientRoute, isHashedAsset, webContentType, webFilePath } from './web-path.ts';

/** Paths that belong to the server's own routes: never answered with the UI. */
const SERVER_PREFIXES = ['/api/', '/updates/'];

const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html and unhashed files: revalidate every time (cheap with the ETag), so a new build shows at once. */
const REVALIDATE = 'no-cache';

/**
 * Serves the built renderer (`vite build` → dist/renderer, or COMPTOIR_WEB_DIR) at `/` — DESIGN §1
 * "browser" mode: the UI and the API share one origin, so the UI's default server address is the
 * page's own origin and no CORS is involved.
 * - `GET /<file>`: the file; `assets/name-<hash>.ext` with a one-year immutable cache, the rest
 *   revalidated (ETag / Last-Modified, 304).
 * - `GET /<path without extension>` not found as a file: index.html (client-side routes).
 * - Traversal (`..`, encoded or not), dot-files and paths under /api/ or /updates/: 404
 *   `{ code: 'NOT_FOUND' }`. Before the UI is built: 404 `{ code: 'UI_NOT_BUILT' }`.
 */
export function registerWebRoutes(app: FastifyInstance, webDir: string): void {
  const root = path.resolve(webDir);
  app.get('/*', async (request, reply) => {
    const requestPath = request.url.split('?', 1)[0] ?? '/';
    const notFound = () => sendFailure(reply, 404, 'NOT_FOUND', `No route for ${request.method} ${requestPath}`);
    if (SERVER_PREFIXES.some((prefix) => requestPath.startsWith(prefix))) return notFound();
    const file = webFilePath(root, requestPath);
    if (file === null) return notFound();
    reply.header('x-content-type-options', 'nosniff').header('referrer-policy', 'no-referrer');
    if (file !== root) {
      const cacheControl = isHashedAsset(requestPath) ? IMMUTABLE : REVALIDATE;
      if (await sendFile(request, reply, { path: file, contentType: webContentType(file), cacheControl })) return reply;
      if (!isClientRoute(requestPath)) return notFound();
    }
    // The app's shell: no framing by other sites (clickjacking), revalidated on every load.
    reply.header('x-frame-options', 'DENY');
    const index = { path: path.join(root, 'index.html'), contentType: 'text/html; charset=utf-8', cacheControl: REVALIDATE };
    if (await sendFile(request, reply, index)) return reply;
    return sendFailure(reply, 404, 'UI_NOT_BUILT', `The user interface is not built: run \`npx vite build\` (expected ${index.path})`);
  });
}
