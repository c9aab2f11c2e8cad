import { needsRefill, NUMBER_SERIES, type NumberBlock } from '../../core/numbering/index.ts';
import type { SyncAuth } from '../../core/replication/index.ts';
import { deviceId, readState, rememberBlock } from '../actions/numbering.ts';
import { fetchHttp } from './fetch-transports.ts';

function isBlock(body: unknown): body is NumberBlock {
  if (typeof body !== 'object' || body === null) return false;
  const b = body as Record<string, unknown>;
  return typeof b['id'] === 'string' && typeof b['start'] === 'number' && typeof b['end'] === 'number' && typeof b['deviceId'] === 'string';
}

/**
 * While online, keeps a reserve of dossier and quote numbers on this device (DESIGN §8):
 * `POST /api/numbers/reserve` for each series that runs low, so a day offline still gets readable
 * numbers. A failure is harmless: the next attempt, or a temporary local number, covers it.
 */
export async function refillNumberBlocks(auth: SyncAuth, baseUrl: string, now: Date = new Date()): Promise<void> {
  const year = now.getUTCFullYear();
  const device = deviceId();
  for (const series of NUMBER_SERIES) {
    if (!needsRefill(readState(device), series, year)) continue;
    const body = { series, year, deviceId: device };
    let token = auth.accessToken();
    let response = await fetchHttp.postJson(`${baseUrl}/api/numbers/reserve`, body, token ? { authorization: `Bearer ${token}` } : {});
    if (response.status === 401) {
      const refreshed = await auth.refresh(token);
      if (!refreshed.ok) return;
      token = refreshed.value;
      response = await fetchHttp.postJson(`${baseUrl}/api/numbers/reserve`, body, { authorization: `Bearer ${token}` });
    }
    if (response.status === 200 && isBlock(response.body)) rememberBlock(response.body);
  }
}
