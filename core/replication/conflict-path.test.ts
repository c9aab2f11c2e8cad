import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../model/json.ts';
import { formatPath, getAt, parsePath, setAt } from './conflict-path.ts';

const doc: JsonObject = {
  id: 'q',
  negotiation: { state: 'untreated', clientComment: '' },
  lines: [
    { id: 'l1', label: 'one' },
    { id: 'l2', label: 'two' },
  ],
};

describe('conflict paths', () => {
  it('round-trips through their text form', () => {
    for (const path of [[], ['subject'], ['negotiation', 'state'], ['lines', { id: 'line-3' }], ['lines', { id: 'l1' }, 'label']]) {
      expect(parsePath(formatPath(path))).toEqual(path);
    }
    expect(formatPath(['lines', { id: 'line-3' }])).toBe('lines/@line-3');
  });

  it('reads fields, nested fields and list elements by id', () => {
    expect(getAt(doc, ['negotiation', 'state'])).toBe('untreated');
    expect(getAt(doc, ['lines', { id: 'l2' }])).toEqual({ id: 'l2', label: 'two' });
    expect(getAt(doc, ['lines', { id: 'l9' }])).toBeUndefined();
    expect(getAt(doc, ['nothing', 'here'])).toBeUndefined();
  });

  it('writes a field, replaces, removes or appends a list element, without touching the original', () => {
    expect(setAt(doc, ['negotiation', 'state'], { present: true, value: 'finalised' })).toMatchObject({ negotiation: { state: 'finalised', clientComment: '' } });
    expect(setAt(doc, ['lines', { id: 'l1' }], { present: true, value: { id: 'l1', label: 'uno' } })).toMatchObject({ lines: [{ label: 'uno' }, { label: 'two' }] });
    expect(setAt(doc, ['lines', { id: 'l1' }], { present: false, value: null })).toMatchObject({ lines: [{ id: 'l2' }] });
    expect(setAt(doc, ['lines', { id: 'l3' }], { present: true, value: { id: 'l3', label: 'three' } })).toMatchObject({ lines: [{ id: 'l1' }, { id: 'l2' }, { id: 'l3' }] });
    expect(setAt(doc, ['negotiation', 'clientComment'], { present: false, value: null })).toEqual({ ...doc, negotiation: { state: 'untreated' } });
    expect(setAt(doc, ['missing', 'field'], { present: true, value: 1 })).toBeNull();
    expect(doc.lines).toHaveLength(2);
  });
});
