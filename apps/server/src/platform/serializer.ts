import fastJsonStringify from 'fast-json-stringify';
import { createSerializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

type JsonSchema = Record<string, unknown>;
type SchemaCompiler = ReturnType<typeof createSerializerCompiler>;

/**
 * zod 4 writes `T | null` as `anyOf: [T, {type: 'null'}]`. fast-json-stringify settles an anyOf by
 * validating the value against each branch; a `type: [T, 'null']` it writes directly.
 */
function flattenNullable(schema: JsonSchema): JsonSchema {
  const defs = (schema.definitions ?? {}) as Record<string, JsonSchema>;
  const walk = (s: unknown): unknown => {
    if (Array.isArray(s)) return s.map(walk);
    if (!s || typeof s !== 'object') return s;
    const node = s as JsonSchema;
    const anyOf = node.anyOf as JsonSchema[] | undefined;
    if (anyOf?.length === 2) {
      const i = anyOf.findIndex((b) => b.type === 'null' && Object.keys(b).length === 1);
      const ref = i >= 0 ? (anyOf[1 - i] as JsonSchema) : undefined;
      const other =
        typeof ref?.$ref === 'string' ? defs[ref.$ref.replace('#/definitions/', '')] : (ref ?? undefined);
      if (other && typeof other.type === 'string') {
        const { anyOf: _drop, ...rest } = node;
        return walk({ ...rest, ...other, type: [other.type, 'null'] });
      }
    }
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v)]));
  };
  return walk(schema) as JsonSchema;
}

/**
 * Response serialiser. Every answer is written by fast-json-stringify from the JSON Schema of its zod
 * response schema, so only the properties the contract lists can ever reach the client (a column a
 * mapper forgot to drop cannot leak). Outside production the zod schema also validates each answer first,
 * so the test suites still catch a mapper that breaks its contract; in production that check (the larger
 * part of the cost of a topic list) is skipped. A schema JSON Schema cannot express (transforms) keeps
 * zod's own encoder.
 */
export function createResponseSerializer(opts: { validate: boolean }): SchemaCompiler {
  const zodCompiler = createSerializerCompiler({});
  return (route) => {
    const fast = fastWriter(route.schema as z.ZodType);
    if (!fast) return zodCompiler(route);
    if (!opts.validate) return fast;
    const check = zodCompiler(route);
    return (data) => {
      check(data); // throws the same ResponseSerializationError as before on a contract mismatch
      return fast(data);
    };
  };
}

function fastWriter(schema: z.ZodType): ((data: unknown) => string) | undefined {
  try {
    const json = z.toJSONSchema(schema, { target: 'draft-07', io: 'output', unrepresentable: 'throw' });
    return fastJsonStringify(flattenNullable(json) as never);
  } catch {
    return undefined;
  }
}

/** Writes values of one schema as the response serialiser does (only listed properties), unchecked. */
export function jsonWriter(schema: z.ZodType): (data: unknown) => string {
  return fastWriter(schema) ?? ((data) => JSON.stringify(z.encode(schema, data)));
}
