/**
 * Every field a user can set, found by walking a schema: what a scenario editor lists, labels and
 * offers values for. Paths are patterns: `[]` is any list entry, `<send-message>` a variant of a union
 * (`script[].action<send-message>.to`). Internal variants (set by the program) are left out.
 * @module
 */
import type { Fields, ObjectSchema, Schema } from './dsl';

export interface SettableField {
  path: string;
  schema: Schema;
}

export function settableFields(schema: Schema, path = ''): SettableField[] {
  const here: SettableField[] = [{ path, schema }];
  const join = (key: string) => (path === '' ? key : `${path}.${key}`);
  switch (schema.kind) {
    case 'list':
    case 'pair':
      return [...here, ...settableFields(schema.item, `${path}[]`)];
    case 'object':
      return [...here, ...Object.entries(schema.fields as Fields).flatMap(([k, f]) => settableFields(f, join(k)))];
    case 'union':
      return [
        ...here,
        ...Object.entries(schema.variants as Record<string, ObjectSchema>)
          .filter(([, v]) => !v.meta.internal)
          .flatMap(([tag, v]) => settableFields(v, `${path}<${tag}>`)),
      ];
    default:
      return here;
  }
}
