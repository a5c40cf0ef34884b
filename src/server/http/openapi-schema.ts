import { z } from 'zod';

/**
 * A shared zod schema as JSON Schema for the OpenAPI document at /docs. Documentation only: the
 * routes validate with the zod schemas themselves (http/parse-request.ts).
 */
export function openApiSchema(schema: z.ZodType, io: 'input' | 'output' = 'input') {
  const json: Record<string, unknown> = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  delete json.$schema;
  return json;
}
