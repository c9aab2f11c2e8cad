import { apiUrl } from '../session/server-address.ts';

const PROBE_TIMEOUT_MS = 4000;

/**
 * True when the sync server answers `GET /health`. The browser's `navigator.onLine` only knows about
 * the network card; the header promises "online" only when the server itself is reachable.
 */
export async function probeServer(serverUrl: string): Promise<boolean> {
  if (!navigator.onLine) return false;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), PROBE_TIMEOUT_MS);
  try {
    const response = await fetch(apiUrl(serverUrl, '/health'), { signal: controller.signal, cache: 'no-store' });
    const type = response.headers.get('content-type') ?? '';
    // The dev server answers index.html for unknown paths: that is not our server.
    return response.ok && !type.includes('text/html');
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
