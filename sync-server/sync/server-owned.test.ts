import { describe, expect, it } from 'vitest';
import { aCommandDoc, aDepositRequestDoc, aReceivedPaymentDoc } from '../../core/schemas/doc-builders.ts';
import { SERVER_OWNED_FIELDS } from '../../core/schemas/collections.ts';
import { DERIVED_FIELDS } from '../../core/schemas/derived-fields.ts';
import type { JsonObject } from '../../core/model/json.ts';
import { COLLECTION_NAMES } from './collections.ts';
import { INITIAL_SERVER_VALUES, withServerOwnedFields } from './server-owned.ts';

const json = (doc: object) => doc as unknown as JsonObject;

describe('server-owned fields', () => {
  it('knows the initial value of every server-owned field core declares (or derives it)', () => {
    for (const collection of COLLECTION_NAMES) {
      for (const field of SERVER_OWNED_FIELDS[collection] as readonly string[]) {
        const derived = (DERIVED_FIELDS[collection] as readonly string[]).includes(field);
        expect(derived || INITIAL_SERVER_VALUES[collection]?.[field] !== undefined, `${collection}.${field}`).toBe(true);
      }
    }
  });

  it('resets them on insert and keeps the server value on update', () => {
    const forged = json({ ...aDepositRequestDoc(), status: 'paid', statusKey: 'paid', link: 'https://evil.example' });
    expect(withServerOwnedFields('payments', forged, null)).toMatchObject({ status: 'queued', statusKey: 'queued', link: null });
    const server = json({ ...aDepositRequestDoc(), status: 'sent', statusKey: 'sent', link: 'https://pay.example/1' });
    expect(withServerOwnedFields('payments', forged, server)).toMatchObject({ status: 'sent', statusKey: 'sent', link: 'https://pay.example/1' });
    expect(withServerOwnedFields('commands', json(aCommandDoc({ status: 'done', result: { ok: true } })), null)).toMatchObject({ status: 'queued', result: null });
  });

  it('leaves fields a document variant does not have absent', () => {
    const received = json(aReceivedPaymentDoc());
    const stored = withServerOwnedFields('payments', received, null);
    expect(stored).not.toHaveProperty('status');
    expect(stored).not.toHaveProperty('link');
    expect(stored).toMatchObject({ statusKey: 'received' });
  });
});
