import type { ClientDatabase } from '../../core/replication/index.ts';
import {
  addBlock, emptyDeviceState, parseNumber, pruneBlocks, takeNumber,
  type DeviceNumberState, type NumberBlock, type NumberSeries,
} from '../../core/numbering/index.ts';
import type { JsonObject, JsonValue } from '../../core/model/json.ts';
import type { DeviceId } from '../../core/shared/ids.ts';
import { randomId } from '../db/runtime.ts';

const DEVICE_KEY = 'comptoir.deviceId';
const STATE_KEY = 'comptoir.numbers';

/** This installation's id, the one the server reserves number blocks for (DESIGN §8). */
export function deviceId(): DeviceId {
  let id = localStorage.getItem(DEVICE_KEY);
  if (id === null) {
    id = `dev-${randomId()}`;
    localStorage.setItem(DEVICE_KEY, id);
  }
  return id as DeviceId;
}

/** This device's number blocks and how far each is used (persisted locally, DESIGN §8). */
export function readState(device: DeviceId = deviceId()): DeviceNumberState {
  try {
    const parsed = JSON.parse(localStorage.getItem(STATE_KEY) ?? 'null') as DeviceNumberState | null;
    return parsed?.deviceId === device ? parsed : emptyDeviceState(device);
  } catch {
    return emptyDeviceState(device);
  }
}

function asBlock(value: JsonValue | undefined): NumberBlock | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const v = value as JsonObject;
  const ok = typeof v['id'] === 'string' && (v['series'] === 'D' || v['series'] === 'Q') && typeof v['year'] === 'number'
    && typeof v['start'] === 'number' && typeof v['end'] === 'number' && typeof v['deviceId'] === 'string';
  return ok ? (v as unknown as NumberBlock) : null;
}

/** Blocks the server wrote for this device in `reference` documents of type `number_blocks`. */
async function serverBlocks(db: ClientDatabase, device: DeviceId): Promise<NumberBlock[]> {
  const docs = await db.reference.find({ selector: { type: 'number_blocks' } }).exec();
  const blocks: NumberBlock[] = [];
  for (const doc of docs) {
    const data = doc.toMutableJSON().data as JsonObject;
    const candidates = Array.isArray(data['blocks']) ? (data['blocks'] as JsonValue[]) : [data];
    for (const candidate of candidates) {
      const block = asBlock(candidate);
      if (block !== null && block.deviceId === device) blocks.push(block);
    }
  }
  return blocks;
}

/** Adds a block the server just reserved for this device. */
export function rememberBlock(block: NumberBlock): void {
  const added = addBlock(readState(block.deviceId), block);
  if (added.ok) localStorage.setItem(STATE_KEY, JSON.stringify(added.value));
}

function temporaryNumber(series: NumberSeries, year: number): string {
  return `${series}-${year}-T${randomId().slice(-6).toUpperCase()}`;
}

/**
 * The next readable number for a dossier (`D`) or quote (`Q`), taken offline from the blocks the
 * server reserved for this device. Until the server has handed out blocks, a clearly temporary
 * local number (`D-2026-TK3F9QZ`, see `isTemporaryNumber`) keeps the agent working.
 */
export async function nextNumber(db: ClientDatabase, series: NumberSeries, now: Date = new Date()): Promise<string> {
  const device = deviceId();
  const year = now.getUTCFullYear();
  let state = pruneBlocks(readState(device), year);
  for (const block of await serverBlocks(db, device)) {
    const added = addBlock(state, block);
    if (added.ok) state = added.value;
  }
  const taken = takeNumber(state, series, year);
  if (!taken.ok) {
    localStorage.setItem(STATE_KEY, JSON.stringify(state));
    return temporaryNumber(series, year);
  }
  localStorage.setItem(STATE_KEY, JSON.stringify(taken.value.state));
  return taken.value.number;
}

/** True for a local stand-in number rather than one from a server block. */
export function isTemporaryNumber(number: string): boolean {
  return !parseNumber(number).ok;
}
