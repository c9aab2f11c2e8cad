import { describe, expect, it } from 'vitest';
import { fromWire, jsonEqual, sameState, toWire } from './wire-doc.ts';

describe('wire documents', () => {
  it("splits off _deleted and drops RxDB's bookkeeping", () => {
    const state = fromWire({ id: 'a', subject: 's', _deleted: true, _rev: '3-x', _meta: { lwt: 1 }, _attachments: {} });
    expect(state).toEqual({ id: 'a', deleted: true, body: { id: 'a', subject: 's' } });
    expect(toWire(state)).toEqual({ id: 'a', subject: 's', _deleted: true });
  });

  it('compares JSON by value, ignoring key order but not array order', () => {
    expect(jsonEqual({ a: 1, b: [1, { c: null }] }, { b: [1, { c: null }], a: 1 })).toBe(true);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
    expect(jsonEqual({ a: 1 }, { a: 1, b: undefined as never })).toBe(false);
    expect(jsonEqual({ a: null }, {})).toBe(false);
    expect(jsonEqual('1', 1)).toBe(false);
  });

  it('treats a tombstone and a live document with the same fields as different states', () => {
    const live = fromWire({ id: 'a', x: 1, _deleted: false });
    expect(sameState(live, { ...live, deleted: true })).toBe(false);
    expect(sameState(live, fromWire({ x: 1, id: 'a' }))).toBe(true);
  });
});
