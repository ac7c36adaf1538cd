/**
 * A small typed schema language for scenarios: each node is plain data (kind, bounds, allowed values,
 * labels in English and German) from which come the TypeScript type (`Infer`), the shape check
 * (`checkShape`) and what a scenario editor shows (`meta`). Plain data so that a test, an editor or a
 * docs page can walk it; no classes, no closures, so it is deterministic and can be serialised.
 * Cross-references between fields (a client's server exists, a link's ends are nodes) are not
 * shapes; lib/scenarios/schema/refs.ts checks them.
 * @module
 */
import type { LocalizedText } from './localized';
import type { Issue } from './issues';
import type { Format } from './formats';
import { checkFormat } from './formats';

/** What an editor needs besides the shape: a label in both languages, a help text, the default. */
export interface Meta {
  label: LocalizedText;
  description?: LocalizedText;
  /** The value used when an optional field is absent (engine defaults, stated once here). */
  default?: string | number | boolean | readonly string[];
  /** Set by the program, never by a user: the validator refuses it in input, the editor hides it. */
  internal?: boolean;
  /** The id of another part of the scenario (refs.ts checks it exists): an editor offers those ids. */
  ref?: 'node' | 'client' | 'server' | 'link';
}

export interface TextSchema {
  kind: 'text';
  meta: Meta;
  minLength?: number;
  maxLength?: number;
  format?: Format;
}
export interface NumberSchema {
  kind: 'number';
  meta: Meta;
  min: number;
  max: number;
  integer: boolean;
}
export interface BooleanSchema {
  kind: 'boolean';
  meta: Meta;
}
export interface EnumSchema<V extends string = string> {
  kind: 'enum';
  meta: Meta;
  values: readonly V[];
  /** What an editor shows for each value, where the value itself is no word a reader knows (`dnd`). */
  valueLabels?: Record<V, LocalizedText>;
}
export interface LiteralSchema<V extends number | string = number | string> {
  kind: 'literal';
  meta: Meta;
  value: V;
}
export interface ListSchema<S extends Schema = Schema> {
  kind: 'list';
  meta: Meta;
  item: S;
  minItems?: number;
}
/** Exactly two values of one schema, typed as a tuple (`between: [alice, bob]`). */
export interface PairSchema<S extends Schema = Schema> {
  kind: 'pair';
  meta: Meta;
  item: S;
}
/** Settings by name, each a text, number or true/false (a middlebox's config). */
export interface RecordSchema {
  kind: 'record';
  meta: Meta;
}
export type Fields = Record<string, Schema>;
export interface ObjectSchema<F extends Fields = Fields> {
  kind: 'object';
  meta: Meta;
  fields: F;
}
/** A discriminated union of objects on the field `tag` (`type` for actions, `kind` for observers). */
export interface UnionSchema<K extends string = string, V extends Record<string, ObjectSchema> = Record<string, ObjectSchema>> {
  kind: 'union';
  meta: Meta;
  tag: K;
  variants: V;
}

export type Schema = (TextSchema | NumberSchema | BooleanSchema | EnumSchema | LiteralSchema | RecordSchema | ListSchema<any> | PairSchema<any> | ObjectSchema<any> | UnionSchema<any, any>) & {
  /** The field may be absent. */
  optional?: true;
};

// ---------------------------------------------------------------------------------------------
// Types from schemas.
// ---------------------------------------------------------------------------------------------

type Simplify<T> = { [K in keyof T]: T[K] } & {};
type OptionalKeys<F> = { [K in keyof F]: F[K] extends { optional: true } ? K : never }[keyof F];
type InferFields<F extends Fields> = Simplify<{ -readonly [K in Exclude<keyof F, OptionalKeys<F>>]: Infer<F[K]> } & { -readonly [K in OptionalKeys<F>]?: Infer<F[K]> }>;

/** The TypeScript type of the values a schema accepts. */
// prettier-ignore
export type Infer<S> =
  S extends TextSchema ? string :
  S extends NumberSchema ? number :
  S extends BooleanSchema ? boolean :
  S extends EnumSchema<infer V> ? V :
  S extends LiteralSchema<infer V> ? V :
  S extends RecordSchema ? Record<string, string | number | boolean> :
  S extends ListSchema<infer I> ? Infer<I>[] :
  S extends PairSchema<infer I> ? [Infer<I>, Infer<I>] :
  S extends ObjectSchema<infer F> ? InferFields<F> :
  S extends UnionSchema<infer K, infer V> ? { [T in keyof V & string]: Simplify<{ [P in K]: T } & Infer<V[T]>> }[keyof V & string] :
  never;

// ---------------------------------------------------------------------------------------------
// Constructors.
// ---------------------------------------------------------------------------------------------

export const text = (meta: Meta, opts: { minLength?: number; maxLength?: number; format?: Format } = {}): TextSchema => ({ kind: 'text', meta, ...opts });
export const number = (meta: Meta, min: number, max: number): NumberSchema => ({ kind: 'number', meta, min, max, integer: false });
export const integer = (meta: Meta, min: number, max: number): NumberSchema => ({ kind: 'number', meta, min, max, integer: true });
export const boolean = (meta: Meta): BooleanSchema => ({ kind: 'boolean', meta });
export const oneOf = <const V extends string>(meta: Meta, values: readonly V[], valueLabels?: Record<NoInfer<V>, LocalizedText>): EnumSchema<V> => ({ kind: 'enum', meta, values, ...(valueLabels ? { valueLabels } : {}) });
export const literal = <const V extends number | string>(meta: Meta, value: V): LiteralSchema<V> => ({ kind: 'literal', meta, value });
export const record = (meta: Meta): RecordSchema => ({ kind: 'record', meta });
export const list = <S extends Schema>(meta: Meta, item: S, minItems?: number): ListSchema<S> => ({ kind: 'list', meta, item, ...(minItems !== undefined ? { minItems } : {}) });
export const pair = <S extends Schema>(meta: Meta, item: S): PairSchema<S> => ({ kind: 'pair', meta, item });
export const object = <F extends Fields>(meta: Meta, fields: F): ObjectSchema<F> => ({ kind: 'object', meta, fields });
export const union = <const K extends string, V extends Record<string, ObjectSchema>>(meta: Meta, tag: K, variants: V): UnionSchema<K, V> => ({ kind: 'union', meta, tag, variants });
export const optional = <S extends Schema>(s: S): S & { optional: true } => ({ ...s, optional: true });

// ---------------------------------------------------------------------------------------------
// The shape check: every problem, with its path; never throws.
// ---------------------------------------------------------------------------------------------

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `topology.clients[1].jid` from a parent path and a key or index. */
export function at(path: string, key: string | number): string {
  return typeof key === 'number' ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;
}

/** A value as it may be quoted in a message: short, and never a throw (whatever it is). */
function shown(v: unknown): string {
  if (typeof v === 'string') return v.length > 80 ? `${v.slice(0, 80)}…` : v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return v === null ? 'null' : Array.isArray(v) ? 'list' : typeof v;
}

/** Check `value` against `schema`; issues are appended. Unknown object fields are reported. */
export function checkShape(schema: Schema, value: unknown, path: string, issues: Issue[]): void {
  switch (schema.kind) {
    case 'text': {
      if (typeof value !== 'string') return void issues.push({ path, code: 'type.text', params: {} });
      const { minLength: lo, maxLength: hi } = schema;
      if (lo !== undefined && hi !== undefined && (value.length < lo || value.length > hi)) return void issues.push({ path, code: 'length.range', params: { min: lo, max: hi } });
      if (hi !== undefined && value.length > hi) return void issues.push({ path, code: 'length.max', params: { max: hi } });
      if (lo !== undefined && value.length < lo) return void issues.push({ path, code: 'length.min', params: { min: lo } });
      if (schema.format) {
        const bad = checkFormat(schema.format, value);
        if (bad) issues.push({ path, ...bad } as Issue);
      }
      return;
    }
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return void issues.push({ path, code: 'type.number', params: {} });
      if (value < schema.min || value > schema.max) return void issues.push({ path, code: 'range', params: { min: schema.min, max: schema.max } });
      if (schema.integer && !Number.isInteger(value)) issues.push({ path, code: 'type.integer', params: {} });
      return;
    case 'boolean':
      if (typeof value !== 'boolean') issues.push({ path, code: 'type.boolean', params: {} });
      return;
    case 'enum':
      if (typeof value !== 'string' || !schema.values.includes(value)) issues.push({ path, code: 'enum', params: { values: schema.values } });
      return;
    case 'literal':
      if (value !== schema.value) issues.push({ path, code: 'literal', params: { value: String(schema.value) } });
      return;
    case 'record':
      if (!isObject(value)) return void issues.push({ path, code: 'type.object', params: {} });
      for (const [k, v] of Object.entries(value)) if (typeof v !== 'string' && typeof v !== 'boolean' && (typeof v !== 'number' || !Number.isFinite(v))) issues.push({ path: at(path, k), code: 'type.value', params: {} });
      return;
    case 'list':
      if (!Array.isArray(value)) return void issues.push({ path, code: 'type.list', params: {} });
      if (schema.minItems !== undefined && value.length < schema.minItems) issues.push({ path, code: 'items.min', params: { min: schema.minItems } });
      value.forEach((v, i) => checkShape(schema.item, v, at(path, i), issues));
      return;
    case 'pair':
      if (!Array.isArray(value)) return void issues.push({ path, code: 'type.list', params: {} });
      if (value.length !== 2) return void issues.push({ path, code: 'items.exact', params: { count: 2 } });
      value.forEach((v, i) => checkShape(schema.item, v, at(path, i), issues));
      return;
    case 'object':
      if (!isObject(value)) return void issues.push({ path, code: 'type.object', params: {} });
      checkFields(schema.fields, value, path, issues, []);
      return;
    case 'union': {
      if (!isObject(value)) return void issues.push({ path, code: 'type.object', params: {} });
      const tag = value[schema.tag];
      const known = Object.keys(schema.variants).filter((k) => !schema.variants[k]!.meta.internal);
      if (typeof tag !== 'string' || !known.includes(tag)) return void issues.push({ path: at(path, schema.tag), code: 'variant', params: { value: shown(tag), known, what: schema.meta.label } });
      checkFields(schema.variants[tag]!.fields, value, path, issues, [schema.tag]);
      return;
    }
  }
}

function checkFields(fields: Fields, value: Record<string, unknown>, path: string, issues: Issue[], extra: string[]): void {
  for (const [key, field] of Object.entries(fields)) {
    const v = Object.hasOwn(value, key) ? value[key] : undefined;
    if (v === undefined) {
      if (!field.optional) issues.push({ path: at(path, key), code: 'required', params: {} });
      continue;
    }
    checkShape(field, v, at(path, key), issues);
  }
  for (const key of Object.keys(value)) {
    if (!Object.hasOwn(fields, key) && !extra.includes(key)) issues.push({ path: at(path, key), code: 'field.unknown', params: { known: [...extra, ...Object.keys(fields)] } });
  }
}

/** A copy of `value` without the fields `schema` does not know (for version-1 files, which allowed them). */
export function stripUnknown(schema: Schema, value: unknown): unknown {
  if (schema.kind === 'list' || schema.kind === 'pair') return Array.isArray(value) ? value.map((v) => stripUnknown(schema.item, v)) : value;
  if (!isObject(value)) return value;
  let fields: Fields | undefined;
  let keep: string[] = [];
  if (schema.kind === 'object') fields = schema.fields;
  if (schema.kind === 'union') {
    const tag = value[schema.tag];
    fields = typeof tag === 'string' && Object.hasOwn(schema.variants, tag) ? schema.variants[tag]!.fields : undefined;
    keep = [schema.tag];
  }
  if (!fields) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (keep.includes(k)) out[k] = v;
    else if (Object.hasOwn(fields, k)) out[k] = stripUnknown(fields[k]!, v);
  }
  return out;
}
