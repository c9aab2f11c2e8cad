import type { JsonSchema } from 'rxdb';
import { checkSchema } from 'rxdb/plugins/dev-mode';
import { describe, expect, it } from 'vitest';
import { ID_PATTERN } from '../shared/ids.ts';
import {
  APPEND_ONLY_COLLECTIONS, COLLECTION_NAMES, COLLECTIONS, MAX_COLLECTIONS, SERVER_OWNED_FIELDS, type CollectionName,
} from './collections.ts';
import { defineCollectionSchema } from './define-schema.ts';
import { DERIVED_FIELDS } from './derived-fields.ts';
import { enumField, idField, instantField, jsonObjectField, objectOf, type KeysOfUnion } from './json-fields.ts';
import type { ReferenceDoc } from './reference.ts';
import type { Negotiation } from '../quote/quote.ts';

/** Every (path, schema) pair of a schema tree. */
function* walk(schema: JsonSchema, path: string): Generator<[string, JsonSchema]> {
  yield [path, schema];
  for (const [key, child] of Object.entries(schema.properties ?? {})) yield* walk(child, `${path}.${key}`);
  if (schema.items !== undefined && !Array.isArray(schema.items)) yield* walk(schema.items as JsonSchema, `${path}[]`);
  for (const [i, child] of (schema.oneOf ?? []).entries()) yield* walk(child, `${path}|${i}`);
}

function entries<K extends CollectionName>(name: K) {
  const { schema, migrationStrategies } = COLLECTIONS[name];
  const properties: Record<string, JsonSchema> = schema.properties;
  const required: readonly string[] = schema.required ?? [];
  const indexed = (schema.indexes ?? []).flatMap((index: string | readonly string[]) => (typeof index === 'string' ? [index] : [...index]));
  return { schema, migrationStrategies, properties, required, indexed };
}

describe('collection schemas', () => {
  it('stay within the free RxDB budget of collections', () => {
    expect(MAX_COLLECTIONS).toBeLessThanOrEqual(12);
    expect(COLLECTION_NAMES.length).toBeLessThanOrEqual(MAX_COLLECTIONS);
    expect([...COLLECTION_NAMES].sort()).toEqual(Object.keys(COLLECTIONS).sort());
  });

  it.each(COLLECTION_NAMES)('%s passes RxDB dev-mode schema checks', (name) => {
    expect(() => checkSchema(COLLECTIONS[name].schema)).not.toThrow();
  });

  it.each(COLLECTION_NAMES)('%s: version 0, empty migrations, closed top level, id primary key, updatedAt', (name) => {
    const { schema, migrationStrategies, properties, required } = entries(name);
    expect(schema.title).toBe(name);
    expect(schema.version).toBe(0);
    expect(migrationStrategies).toEqual({});
    expect(schema.primaryKey).toBe('id');
    expect(schema.additionalProperties).toBe(false);
    expect(properties['id']).toMatchObject({ type: 'string', maxLength: 64, pattern: ID_PATTERN.source });
    expect(properties['updatedAt']).toMatchObject({ type: 'string', maxLength: 30 });
    expect(required).toEqual(expect.arrayContaining(['id', 'updatedAt']));
  });

  it.each(COLLECTION_NAMES)('%s: every property typed, every indexed field required and bounded', (name) => {
    const { schema, properties, required, indexed } = entries(name);
    for (const [key, property] of Object.entries(properties)) expect(property.type, key).toBeDefined();
    // Union collections state the rest of their required fields per variant; others require all.
    if (schema.oneOf === undefined) expect([...required].sort()).toEqual(Object.keys(properties).sort());
    for (const field of indexed) {
      expect(required, field).toContain(field);
      const property = properties[field];
      if (property?.type === 'string') expect(property.maxLength, field).toBeLessThanOrEqual(512);
      else expect(property, field).toMatchObject({ type: 'integer', multipleOf: 1, minimum: expect.any(Number), maximum: expect.any(Number) });
    }
  });

  it.each(COLLECTION_NAMES)('%s: money and quantities are integers, strings are bounded, objects closed', (name) => {
    // The top-level `oneOf` of a union collection only restates required fields per variant.
    const fields = Object.entries(entries(name).properties).flatMap(([key, part]) => [...walk(part, `${name}.${key}`)]);
    for (const [path, part] of fields) {
      const types = [part.type].flat();
      expect(types, path).not.toContain('number');
      if (types.includes('string') && part.enum === undefined) expect(part.maxLength, path).toBeGreaterThan(0);
      if (part.properties !== undefined) expect(part.additionalProperties, path).toBe(false);
    }
  });

  it.each(COLLECTION_NAMES)('%s: server-owned and derived fields are real properties', (name) => {
    const { properties } = entries(name);
    const named: readonly string[] = [...SERVER_OWNED_FIELDS[name], ...DERIVED_FIELDS[name]];
    for (const field of named) expect(Object.keys(properties), field).toContain(field);
  });

  it('declares server-owned fields for payments, invoices and commands (DESIGN §9)', () => {
    expect(SERVER_OWNED_FIELDS.payments).toEqual(expect.arrayContaining(['status', 'link']));
    expect(SERVER_OWNED_FIELDS.documents).toEqual(['number']);
    expect(SERVER_OWNED_FIELDS.commands).toEqual(['status', 'result', 'error']);
    expect(APPEND_ONLY_COLLECTIONS).toEqual(['messages', 'events']);
  });

  it('id pattern is exactly ID_PATTERN', () => {
    const pattern = new RegExp(entries('dossiers').properties['id']?.pattern ?? '', 'u');
    for (const id of ['a', 'D-2026-000042', 'x_Y-9', 'x'.repeat(64)]) expect(pattern.test(id), id).toBe(true);
    for (const id of ['', 'a b', 'a/b', 'é', 'x'.repeat(65)]) expect(pattern.test(id), id).toBe(false);
  });
});

describe('schema drift fails the compiler', () => {
  const base = { version: 0, title: 't', description: 'd' } as const;
  const props = { id: idField(), type: enumField(['settings']), data: jsonObjectField(), updatedAt: instantField() };

  it('these definitions only exist to be rejected by tsc (see @ts-expect-error)', () => {
    // @ts-expect-error `data` is missing from the schema.
    defineCollectionSchema<ReferenceDoc>()({ ...base, properties: { id: props.id, type: props.type, updatedAt: props.updatedAt }, required: ['id'], indexes: [] });
    // @ts-expect-error `colour` is not a field of ReferenceDoc.
    defineCollectionSchema<ReferenceDoc>()({ ...base, properties: { ...props, colour: idField() }, required: ['id'], indexes: [] });
    // @ts-expect-error `type` is indexed but not required.
    defineCollectionSchema<ReferenceDoc>()({ ...base, properties: props, required: ['id', 'updatedAt'], indexes: ['type'] });
    // @ts-expect-error `internalComment` is missing from a nested object.
    objectOf<Negotiation>({ state: enumField(['none']), clientComment: idField() });
    const keys: KeysOfUnion<{ a: 1 } | { b: 2 }>[] = ['a', 'b'];
    expect(keys).toHaveLength(2);
  });
});
