import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sendFailure } from '../http/errors.ts';
import { sendFile } from '../static/send-file.ts';
import { classifyFeedFile } from './feed.ts';

/** Published installers never change under their name (publish.ts refuses to overwrite one). */
const ARTIFACT_CACHE = 'public, max-age=31536000, immutable';
/** Channel files change with every publication and rollout step. */
const CHANNEL_FILE_CACHE = 'no-cache';

/**
 * `GET /updates/<file>` (and HEAD) — the desktop's update feed (DESIGN §10, docs/it-deployment.md
 * "Update feed layout"): electron-updater's `generic` provider reads one flat directory, the
 * releases directory (COMPTOIR_RELEASES_DIR, default `<data dir>/releases`, filled by
 * `admin release publish`).
 * - Only channel files (`latest*.yml`, `beta*.yml`) and installer artifacts (`.exe`, `.blockmap`,
 *   `.dmg`, `.zip`, `.AppImage`, `.deb`) are served (feed.ts `classifyFeedFile`); anything else,
 *   sub-paths included, is 404 `{ code: 'NOT_FOUND' }`.
 * - One `Range` → 206 / 416, `Accept-Ranges`, `Content-Length`, `ETag`, `Last-Modified`
 *   (static/send-file.ts); channel files `Cache-Control: no-cache`, artifacts immutable.
 * - Channel files are served unchanged: electron-updater applies `stagingPercentage` itself with
 *   the install's id (feed.ts `isWithinRollout`); filtering here would apply it twice. The id it
 *   sends (`x-user-staging-id`) is only logged.
 * No authentication: installers are not secret, and an install must update before anyone signs in.
 */
export function registerUpdateFeedRoutes(app: FastifyInstance, releasesDir: string): void {
  const root = path.resolve(releasesDir);
  app.get<{ Params: { file: string } }>('/updates/:file', async (request, reply) => {
    const file = classifyFeedFile(request.params.file);
    if (!file.ok) return sendFailure(reply, 404, 'NOT_FOUND', file.error.message);
    const feedFile = file.value;
    if (feedFile.kind === 'channel-file') request.log.debug({ file: feedFile.name, stagingId: request.headers['x-user-staging-id'] }, 'update check');
    const sent = await sendFile(request, reply, {
      path: path.join(root, feedFile.name),
      contentType: feedFile.kind === 'channel-file' ? 'text/yaml; charset=utf-8' : feedFile.contentType,
      cacheControl: feedFile.kind === 'channel-file' ? CHANNEL_FILE_CACHE : ARTIFACT_CACHE,
    });
    return sent ? reply : sendFailure(reply, 404, 'NOT_FOUND', `${feedFile.name} is not published`);
  });
}
