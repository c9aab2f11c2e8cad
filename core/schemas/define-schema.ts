import type { JsonSchema, RxJsonSchema } from 'rxdb';
import type { KeysOfUnion, PropertiesOf } from './json-fields.ts';

/**
 * An RxDB collection schema, optionally with a top-level `oneOf` that states per-variant `required`
 * lists for collections holding a discriminated union (payments). RxDB ignores it; ajv enforces it.
 */
export type CollectionSchema<Doc> = RxJsonSchema<Doc> & { readonly oneOf?: readonly JsonSchema[] };

/** What a collection file declares; `defineCollectionSchema` adds the parts common to every collection. */
export interface CollectionSchemaSpec<Doc, Required extends readonly KeysOfUnion<Doc>[]> {
  /** Bump on every change of the schema, with a migration strategy for the new version. */
  readonly version: number;
  readonly title: string;
  readonly description: string;
  readonly properties: PropertiesOf<Doc>;
  /** Must list every indexed field: Dexie leaves a document without the field out of the index. */
  readonly required: Required;
  /** Only required fields may be indexed (checked by the compiler). */
  readonly indexes: readonly (Required[number] | readonly Required[number][])[];
  /** Per-variant constraints of a union document, e.g. `{ properties: { type: { enum: ['x'] } }, required: [...] }`. */
  readonly variants?: readonly JsonSchema[];
}

/**
 * Builds a collection schema for `Doc`: primary key `id`, closed top level. Curried so that `Doc`
 * is given explicitly while the `required` list is inferred:
 * `defineCollectionSchema<DossierDoc>()({ ... })`.
 *
 * Compile-time guarantees: `properties` names exactly the keys of `Doc` (every member of a union),
 * each with a `type`; every index names required fields only.
 */
export function defineCollectionSchema<Doc extends { readonly id: string; readonly updatedAt: string }>() {
  return <const Required extends readonly KeysOfUnion<Doc>[]>(spec: CollectionSchemaSpec<Doc, Required>): CollectionSchema<Doc> => {
    const schema = {
      title: spec.title,
      description: spec.description,
      version: spec.version,
      primaryKey: 'id',
      type: 'object',
      properties: spec.properties,
      required: spec.required,
      indexes: spec.indexes,
      additionalProperties: false,
      ...(spec.variants === undefined ? {} : { oneOf: spec.variants }),
    } as const;
    // The checks above are stricter than RxJsonSchema's own (which keeps only the common keys of a
    // union and cannot see through the generic `Doc`), so this one widening is safe.
    return schema as unknown as CollectionSchema<Doc>;
  };
}
