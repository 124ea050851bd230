import fc from 'fast-check';
import { z } from 'zod';
import { NAUGHTY_STRINGS, SUSPICIOUS_KEYS } from './naughty.ts';

/** Keys the JSON parser itself refuses (prototype poisoning): a fixed probe covers them. */
const POISON_KEYS = new Set(['__proto__', 'constructor']);

/** The part of a JSON Schema the generators read. */
interface JsonSchema {
  type?: string;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean;
}

/** One field of an object schema from the contracts. */
export interface FieldSpec {
  name: string;
  required: boolean;
  /** JSON types the field accepts ('string', 'integer', 'null', …). */
  types: string[];
  json: JsonSchema;
  /** The field's own zod schema, when the object exposes its shape. */
  schema: z.ZodType | undefined;
}

/** What the generators know about one params / query / body schema. */
export interface ObjectSpec {
  schema: z.ZodType;
  fields: FieldSpec[];
  /** Unknown keys are refused (`.strict()`), not stripped. */
  strict: boolean;
}

const typesOf = (j: JsonSchema): string[] =>
  j.anyOf ? j.anyOf.flatMap(typesOf) : j.type ? [j.type] : ['string', 'number', 'boolean', 'null'];

/** The object schema inside pipes and transforms, whose shape lists the fields. */
function shapeOf(schema: z.ZodType): Record<string, z.ZodType> | undefined {
  if (schema instanceof z.ZodObject) return schema.shape;
  if (schema instanceof z.ZodPipe) return shapeOf(schema.in as z.ZodType);
  return undefined;
}

/** Reads a params / query / body schema of the contracts through its JSON Schema (what OpenAPI shows). */
export function describeObject(schema: z.ZodType): ObjectSpec {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const required = new Set(json.required ?? []);
  const shape = shapeOf(schema);
  const fields = Object.entries(json.properties ?? {}).map(([name, j]) => ({
    name,
    required: required.has(name),
    types: typesOf(j),
    json: j,
    schema: shape?.[name],
  }));
  return { schema, fields, strict: json.additionalProperties === false };
}

const WORDS = ['marble', 'kettle', 'orbit', 'lantern', 'violet', 'harbour', 'window', 'quartz', 'meadow'];
const phrase = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));
const slugLike = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }).map((w) => w.join('-'));
const B64URL = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'];
const tokenLike = fc.string({ unit: fc.constantFrom(...B64URL), minLength: 1, maxLength: 80 });
const emailLike = fc
  .tuple(fc.stringMatching(/^[a-z][a-z0-9.]{0,14}[a-z0-9]$/), fc.stringMatching(/^[a-z]{2,10}$/))
  .map(([l, d]) => `${l}@${d}.example`);

function stringCandidates(j: JsonSchema): fc.Arbitrary<string> {
  const flavours: fc.Arbitrary<string>[] = [emailLike, phrase, slugLike, tokenLike, fc.uuid()];
  if (j.pattern) {
    try {
      flavours.push(fc.stringMatching(new RegExp(j.pattern, 'u')));
    } catch {
      // A pattern fast-check cannot generate from: the flavours above must do.
    }
  }
  const min = j.minLength ?? 0;
  const max = j.maxLength ?? 10_000;
  return fc.oneof(...flavours).map((v) => (v.length > max ? v.slice(0, max) : v.padEnd(min, 'x')));
}

/** Plausible values of one JSON Schema node, before the zod schema has the last word. */
function candidates(j: JsonSchema): fc.Arbitrary<unknown> {
  if (j.enum) return fc.constantFrom(...j.enum);
  if (j.anyOf) return fc.oneof(...j.anyOf.map(candidates));
  switch (j.type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
    case 'number':
      return fc.integer({ min: j.minimum ?? -1000, max: j.maximum ?? 1000 });
    case 'string':
      return stringCandidates(j);
    case 'array':
      return fc.array(j.items ? candidates(j.items) : fc.string(), {
        minLength: j.minItems ?? 0,
        maxLength: Math.max(j.minItems ?? 0, Math.min(j.maxItems ?? 3, 3)),
      });
    case 'object': {
      const props = j.properties ?? {};
      const model = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, candidates(v)]));
      return fc.record(model, { requiredKeys: (j.required ?? []).filter((k) => k in props) });
    }
    default:
      return fc.oneof(fc.string(), fc.integer(), fc.boolean());
  }
}

/**
 * A value the contract probably accepts for this field: the first of a few candidates its zod schema
 * accepts (bounded, so a schema the candidates never satisfy cannot stall generation).
 */
export const validValue = (f: FieldSpec): fc.Arbitrary<unknown> => {
  const schema = f.schema;
  const base = candidates(f.json);
  if (!schema) return base;
  return fc
    .array(base, { minLength: 6, maxLength: 6 })
    .map((tries) => tries.find((v) => schema.safeParse(v).success) ?? tries[0]);
};

/** An object the contract probably accepts: every required field, some optional ones. */
export function validObject(spec: ObjectSpec): fc.Arbitrary<Record<string, unknown>> {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const f of spec.fields) model[f.name] = validValue(f);
  const requiredKeys = spec.fields.filter((f) => f.required).map((f) => f.name);
  return fc.record(model, { requiredKeys });
}

/** A string from the naughty list, alone, embedded in a plausible value, or repeated. */
export const naughtyString = fc.oneof(
  fc.constantFrom(...NAUGHTY_STRINGS),
  fc.tuple(phrase, fc.constantFrom(...NAUGHTY_STRINGS), phrase).map(([a, n, b]) => `${a}${n}${b}`),
  fc.tuple(fc.constantFrom(...NAUGHTY_STRINGS), fc.integer({ min: 2, max: 50 })).map(([n, k]) => n.repeat(k)),
  fc.string({ unit: 'binary', maxLength: 40 }),
  // Opaque tokens and cursors are often base64url of something structured: hide the naughty string inside.
  fc
    .tuple(
      fc.constantFrom(...NAUGHTY_STRINGS),
      fc.constantFrom('|', ':', '.', ','),
      fc.constantFrom(...NAUGHTY_STRINGS),
    )
    .map(([a, sep, b]) => Buffer.from(`${a}${sep}${b}`).toString('base64url')),
);

/** A string far over any field limit but under the body limit. */
export const hugeString = fc
  .tuple(fc.constantFrom('A', 'é', '😀', '\u0000', '<', "'"), fc.integer({ min: 1_000, max: 200_000 }))
  .map(([c, n]) => c.repeat(n));

/** A JSON value of a type the field does not accept. */
function wrongTypeValue(f: FieldSpec): fc.Arbitrary<unknown> {
  const byType: [string, fc.Arbitrary<unknown>][] = [
    ['string', fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('1', '1e3', ''))],
    ['integer', fc.oneof(fc.integer(), fc.constantFrom(0, -1, 2 ** 53, -(2 ** 63)))],
    ['number', fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(1e308, 1.5))],
    ['boolean', fc.boolean()],
    ['null', fc.constant(null)],
    ['array', fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 })],
    ['object', fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 })],
  ];
  const accepts = (t: string) => f.types.includes(t) || (t === 'integer' && f.types.includes('number'));
  const wrong = byType.filter(([t]) => !accepts(t)).map(([, a]) => a);
  // A float is the wrong type for an integer field even though both are JSON numbers.
  if (f.types.includes('integer')) wrong.push(fc.constantFrom(1.5, -0.25));
  return fc.oneof(...wrong);
}

/** One invalid (or merely odd) input object, with a label of what was done to it. */
export interface Mutated {
  how: string;
  value: unknown;
}

/**
 * Inputs derived from the contract that the contract should refuse (or, for stripped extra keys and
 * odd-but-valid strings, may accept): wrong types, missing fields, extra keys, huge and naughty strings,
 * and whole values that are not objects.
 */
export function mutatedObject(spec: ObjectSpec): fc.Arbitrary<Mutated> {
  const base = validObject(spec);
  const fields = spec.fields;
  const withField = (f: FieldSpec, v: unknown) => (o: Record<string, unknown>) => ({ ...o, [f.name]: v });
  const options: fc.Arbitrary<Mutated>[] = [
    fc.tuple(base, fc.jsonValue({ maxDepth: 3 })).map(([o, v]) => ({
      how: 'not an object',
      value: Array.isArray(v) || typeof v !== 'object' ? v : [o],
    })),
    fc
      .tuple(
        base,
        fc.oneof(fc.constantFrom(...SUSPICIOUS_KEYS), fc.string({ maxLength: 12 })),
        fc.jsonValue({ maxDepth: 2 }),
      )
      .filter(([o, k]) => !(k in o) && !fields.some((f) => f.name === k) && !POISON_KEYS.has(k))
      .map(([o, k, v]) => ({ how: `extra key ${JSON.stringify(k)}`, value: { ...o, [k]: v } })),
  ];
  if (fields.length > 0) {
    const field = fc.constantFrom(...fields);
    options.push(
      fc
        .tuple(base, field)
        .chain(([o, f]) =>
          wrongTypeValue(f).map((v) => ({ how: `wrong type for ${f.name}`, value: withField(f, v)(o) })),
        ),
      fc
        .tuple(base, field)
        .chain(([o, f]) =>
          naughtyString.map((v) => ({ how: `naughty ${f.name}`, value: withField(f, v)(o) })),
        ),
      fc
        .tuple(base, field, hugeString)
        .map(([o, f, v]) => ({ how: `huge ${f.name} (${v.length} chars)`, value: withField(f, v)(o) })),
      fc.tuple(base, field).map(([o, f]) => ({ how: `null ${f.name}`, value: withField(f, null)(o) })),
    );
  }
  const required = fields.filter((f) => f.required);
  if (required.length > 0) {
    options.push(
      fc.tuple(base, fc.subarray(required, { minLength: 1 })).map(([o, drop]) => {
        const copy = { ...o };
        for (const f of drop) delete copy[f.name];
        return { how: `missing ${drop.map((f) => f.name).join(', ')}`, value: copy };
      }),
    );
  }
  // Now and then a valid object, so the suite also sees the success path of each operation.
  options.push(base.map((o) => ({ how: 'valid per contract', value: o })));
  return fc.oneof(...options);
}

/** Lone surrogates cannot be percent-encoded: a browser would send U+FFFD instead. */
export const wellFormed = (s: string): string =>
  s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

/** Path parameter values: valid-looking ids that exist nowhere, and hostile ones. Already URL-encoded. */
export const pathParam: fc.Arbitrary<{ how: string; encoded: string }> = fc.oneof(
  fc.uuid().map((u) => ({ how: 'unknown uuid', encoded: u })),
  naughtyString
    .filter((s) => s.length > 0)
    .map((s) => ({
      how: `naughty ${JSON.stringify(s.slice(0, 20))}`,
      encoded: encodeURIComponent(wellFormed(s)),
    })),
  fc.integer({ min: 65, max: 400 }).map((n) => ({ how: `${n}-char id`, encoded: 'a'.repeat(n) })),
  fc
    .constantFrom(
      'a%2Fb',
      '..%2F..%2Fadmin',
      '%2E%2E',
      '%00',
      'x%00y',
      '%E2%80%AE',
      '%F0%9F%98%80',
      '%ED%A0%80',
      '%C0%AF',
      '%',
      '%zz',
      '%E0%A4%A',
      '%25',
      '+',
      '%20',
      '*',
      'null',
      '0',
      '-1',
    )
    .map((e) => ({ how: `encoded ${e}`, encoded: e })),
);

/** Path parameters, each valid per contract or hostile; values are URL-encoded. */
export function paramsFor(spec: ObjectSpec): fc.Arbitrary<{ how: string; encoded: Record<string, string> }> {
  const perField = spec.fields.map((f) =>
    fc.oneof(
      validValue(f).map((v) => ({
        how: `valid ${f.name}`,
        encoded: encodeURIComponent(wellFormed(String(v))),
      })),
      pathParam.map((p) => ({ how: `${f.name}: ${p.how}`, encoded: p.encoded })),
    ),
  );
  return fc.tuple(...perField).map((parts) => ({
    how: parts.map((p) => p.how).join(', '),
    encoded: Object.fromEntries(spec.fields.map((f, i) => [f.name, parts[i]!.encoded])),
  }));
}

/** Turns a generated query object into a query string (arrays repeat the key; objects are flattened oddly). */
export function toQueryString(value: unknown): string {
  const params = new URLSearchParams();
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) continue;
      if (Array.isArray(v)) for (const item of v) params.append(k, String(item));
      else if (v && typeof v === 'object') params.append(k, JSON.stringify(v));
      else params.append(k, String(v));
    }
  } else {
    params.append('value', JSON.stringify(value) ?? 'undefined');
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}
